import { getOperationAST, valueFromASTUntyped, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { apiError, CODES } from '../errors.ts';
import { fold, fragmentsOf, isList } from './walk.ts';

/** Guess for the length of a list without a `limit` (counties of a recurrent industry, shared industries). */
const UNBOUNDED_LIST = 5;

/**
 * Estimated cost of an operation: each field costs 1, and a field taking `limit` multiplies what
 * is under it by that limit (the variable's value, or the schema default). Lists without a limit
 * count as UNBOUNDED_LIST items. Runs at execution, because limits usually come as variables.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): number {
  const op = getOperationAST(document, operationName ?? undefined);
  if (!op) return 0;
  return fold(schema, op, fragmentsOf(document), (v, children) => {
    const node = v.args.get('limit');
    const limit = node ? valueFromASTUntyped(node, variables) : v.defaults.get('limit');
    let mult = 1;
    if (typeof limit === 'number') mult = Math.max(1, limit);
    else if (isList(v.type)) mult = UNBOUNDED_LIST;
    return 1 + mult * children;
  });
}

export function useCostLimit(max: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName);
      if (cost > max) {
        setResultAndStopExecution({
          errors: [apiError(`query cost ${cost} exceeds the maximum ${max}: lower the limits of nested lists or ask for fewer fields`, CODES.COST_LIMIT, { cost, max })],
        });
      }
    },
  };
}
