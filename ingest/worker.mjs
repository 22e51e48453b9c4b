// Entry of an extraction worker thread. Loaders given through execArgv (`--import tsx`) do not
// reach a worker's own entry module on Node 20, so this plain-JS entry registers tsx itself and
// then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
