// Development and test entry of the rebuild worker: registers tsx in the worker thread (a new
// thread does not inherit the parent's TypeScript loader) and loads the TypeScript worker.
// Built apps use the bundled rebuild-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./rebuild-worker.ts');
