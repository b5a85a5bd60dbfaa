// Development and test entry of the erasure worker: registers tsx in the worker thread (a new
// thread does not inherit the parent's TypeScript loader) and loads the TypeScript worker.
// Built apps and the built CLI use the bundled erasure-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./erasure-worker.ts');
