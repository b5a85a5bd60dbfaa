/**
 * The sanitization report issued for a visit (issue 19), through the app's own IPC router on a
 * real vault: opened from a visit, the sign-off names where the files are handed over — the
 * site, its administrator and the visit number — and the signed report prints them in Japanese
 * and English and signs them in its evidence. A report issued outside a visit prints no such
 * rows, and a malformed recipient is refused before anything is signed.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { errorCodeOf } from '../support/error-code';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { createTestCore, type TestCore } from '../support/test-core';

const exec = promisify(execFile);
const RECIPIENT = { hospital: '東都病院', department: '放射線科', administrator: '佐藤 一郎', reference: 'V-20261207-01' };

let core: TestCore;
let invoke: Invoke;
let work: string;

/** Sanitizes a new folder with two plain files; returns the run's id. */
async function sanitizeFolder(name: string): Promise<string> {
  const source = path.join(work, name);
  await mkdir(source, { recursive: true });
  await writeFile(path.join(source, '設定メモ.txt'), '装置の設定を変更しました。\n');
  await writeFile(path.join(source, 'log.csv'), 'time,event\n2026-12-07T09:00,restart\n');
  core.dialogs.importSources = [source];
  await invoke('sanitize.addSources', { pick: 'folder' });
  core.dialogs.exportFolder = path.join(work, `${name}-out`);
  await invoke('sanitize.chooseOutput', {});
  return (await invoke('sanitize.start', { jobId: crypto.randomUUID() })).id;
}

/** The issued report's text as pdftotext reads it, and the sign-off signed in its evidence. */
async function readReport(certificateId: string, name: string): Promise<{ text: string; signOff: Record<string, unknown> }> {
  const stored = getCertificate(core.vault.session().db, certificateId)!;
  const file = path.join(work, `${name}.pdf`);
  await writeFile(file, stored.pdf);
  const { stdout } = await exec('pdftotext', ['-layout', file, '-']);
  const facts = (JSON.parse(stored.evidenceJson) as { payload: { facts: { signOff: Record<string, unknown> } } }).payload.facts;
  return { text: stdout, signOff: facts.signOff };
}

beforeAll(async () => {
  core = await createTestCore();
  await core.createVault();
  invoke = invokeThroughRouter(core.handlers, core.log);
  work = `${core.dataDir}-recipient`;
}, 60_000);
afterAll(async () => {
  await core.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe('the sanitization report issued for a visit', () => {
  it('[10-5] prints and signs the site, its administrator and the visit number', async () => {
    const id = await sanitizeFolder('visit');
    const issued = await invoke('sanitize.signOff', { id, reviewer: '', recipient: { ...RECIPIENT, administrator: ' 佐藤 一郎 ' } });
    const { text, signOff } = await readReport(issued.certificateId, 'visit');
    expect(signOff.recipient).toEqual(RECIPIENT);
    const flat = text.replace(/\s+/g, ' ');
    // Each row: the Japanese label, the value, the English label under it (pdftotext reads the lines in that order).
    expect(flat).toContain('引き渡し先 東都病院 放射線科 Handed over to');
    expect(flat).toContain('施設管理者 佐藤 一郎 Site administrator');
    expect(flat).toContain('作業番号 V-20261207-01 Visit reference');
    // The Certificates screen finds it by the site and the visit it names.
    const listed = (await invoke('certificates.list', { kind: 'sanitization' })).certificates.find((c) => c.id === issued.certificateId);
    expect(listed).toMatchObject({ site: '東都病院 放射線科', visitReference: 'V-20261207-01' });
  }, 60_000);

  it('prints no recipient rows for a report issued outside a visit, nor for an empty recipient', async () => {
    for (const [name, recipient] of [
      ['plain', undefined],
      ['blank', { hospital: '', department: '', administrator: '', reference: '' }],
    ] as const) {
      const id = await sanitizeFolder(name);
      const issued = await invoke('sanitize.signOff', { id, reviewer: '', ...(recipient ? { recipient } : {}) });
      const { text, signOff } = await readReport(issued.certificateId, name);
      expect(signOff.recipient, name).toBeUndefined();
      expect(text, name).not.toContain('Handed over to');
      expect(text, name).not.toContain('Visit reference');
      const listed = (await invoke('certificates.list', { kind: 'sanitization' })).certificates.find((c) => c.id === issued.certificateId);
      expect(listed, name).toMatchObject({ site: null, visitReference: null });
    }
  }, 120_000);

  it('refuses a malformed recipient before anything is signed', async () => {
    const id = await sanitizeFolder('malformed');
    const before = (await invoke('certificates.list', {})).certificates.length;
    const bad = [
      { ...RECIPIENT, reference: 'x'.repeat(201) },
      { ...RECIPIENT, administrator: 7 },
      { ...RECIPIENT, mediumAfter: 'returned' },
      { hospital: '東都病院' },
    ];
    for (const recipient of bad) {
      expect(await errorCodeOf(() => invoke('sanitize.signOff', { id, reviewer: '', recipient } as never))).toBe('IPC_INVALID_REQUEST');
    }
    expect((await invoke('certificates.list', {})).certificates.length).toBe(before);
  }, 60_000);
});
