/** api/ public entry: the GraphQL server over a Graph. */
export { createServer, startServer, DEFAULT_LIMITS, type ServerOptions, type RunningServer, type Limits, type ApiServer } from './server.ts';
export { CODES } from './errors.ts';
export { MAX_PAGE_SIZE } from './args.ts';
export { EXAMPLE_QUERIES } from './graphiql.ts';
