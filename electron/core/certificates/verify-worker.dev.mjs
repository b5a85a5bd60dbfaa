// Development and test entry of the verifier worker: registers tsx in the worker thread (a new
// thread does not inherit the parent's TypeScript loader) and loads the TypeScript worker.
// Built apps use the bundled verify-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
