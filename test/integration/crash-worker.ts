/**
 * A FieldGuard process that the crash tests kill with SIGKILL in the middle of its work.
 * It opens an existing vault, prints "started" on stdout, then runs one operation:
 *   node --import tsx crash-worker.ts <dataDir> <keychainService> <op> [args…]
 * ops: import <path…> | export <outDir> | erase | rotate
 */
import { createTestCore, TEST_PASSWORD } from '../support/test-core';

const [dataDir, keychainService, op, ...rest] = process.argv.slice(2);
if (!dataDir || !keychainService || !op) throw new Error('usage: crash-worker <dataDir> <keychainService> <op> [args…]');

const core = await createTestCore({}, { dataDir, keychainService });
// The engineer answers the main process's confirmation box yes (renderer-compromise.test.ts covers no).
core.dialogs.confirm = 'yes';
await core.vault.unlock(TEST_PASSWORD);
const ids = async () => (await core.handlers['vault.items.list']({})).items.map((i) => i.id);
const jobId = () => crypto.randomUUID();
process.stdout.write('started\n');

if (op === 'import') {
  core.dialogs.importSources = rest;
  await core.handlers['vault.items.import']({ jobId: jobId(), collection: 'crash', pick: 'files' });
} else if (op === 'export') {
  core.dialogs.exportFolder = rest[0] ?? null;
  await core.handlers['vault.items.export']({ jobId: jobId(), itemIds: await ids() });
} else if (op === 'erase') {
  await core.handlers['vault.items.erase']({ itemIds: await ids() });
} else if (op === 'rotate') {
  await core.handlers['vault.rotateMasterKey']((await core.prepareRotation(TEST_PASSWORD)).request);
}
process.stdout.write('finished\n');
core.vault.lock('shutdown');
