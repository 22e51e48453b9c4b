import { createSchema } from 'graphql-yoga';
import type { ApiContext } from '../context.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { typeDefs } from './type-defs.ts';
import * as types from './types.ts';

/** The executable schema: SDL in type-defs.ts, resolvers beside it. */
export const schema = createSchema<ApiContext>({
  typeDefs,
  resolvers: { Query, Mutation, ...types } as never,
});
