/**
 * A compromised renderer (issue 17): script running in the window can call any IPC channel
 * with any well-formed request, but it cannot click the main process's own message boxes.
 * Here it calls the router directly, as such script would, asking to erase a USB stick the
 * engineer never chose, to crypto-erase every file in the vault, to read every maintenance
 * password, to restart an interrupted erasure and to save or remove maintenance accounts. Each must stop at a native confirmation that names what would happen — the
 * volume's label, model and serial; the number of files; the account — and do nothing unless
 * the engineer answers yes. A test that does not script an answer gets a refusal.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../electron/core/ipc/router';
import type { Medium } from '../../electron/core/erasure/medium';
import { planErasure } from '../../electron/core/erasure/plan-erasure';
import { readMedium } from '../../electron/platform/media/read-medium';
import { readVolumes } from '../../electron/platform/disks/read-volumes';
import type { ChannelName } from '../../electron/shared/contract';
import { listAccounts } from '../../electron/core/sites/account-store';
import { createTestCore, recordingLogger, type TestCore } from '../support/test-core';
import { attachLoopStick, detachAll, whyLoopDevicesCannotRun, type LoopStick } from '../support/loop-device';

const SITE = { hospital: '東都病院', department: '放射線科', administrator: '', reference: '' };
const SECRET = 'Kq7!fg-maint-Wz93#tokyo';
const STICK_LABEL = 'KENSHIN-USB';
const STICK_MODEL = 'Ultra Fit';
const STICK_SERIAL = '4C530001230517114025';

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string } };

/** What the compromised renderer gets back: the value, or the refusal's code. */
async function call(router: Router, channel: ChannelName, request: unknown): Promise<Reply> {
  return await router.handle(channel, request);
}

function refusalOf(reply: Reply): string {
  return reply.ok ? 'done' : reply.error.code;
}

/** Every text of the boxes shown so far, joined, to check what they named. */
function shownText(core: TestCore): string {
  return core.dialogs.confirmations
    .map((box) => [box.title, box.message, box.detail, box.confirmButton, box.cancelButton].join('\n'))
    .join('\n---\n');
}

const loopProblem = await whyLoopDevicesCannotRun();

/** A site with one imaging system (the default profile), as the engineer saves them. */
async function siteWithSystem(
  core: TestCore,
  names: { site: string; department: string; administrator: string; serial: string; hostName: string },
) {
  const site = await core.handlers['sites.save']({
    site: {
      name: names.site,
      department: names.department,
      address: '',
      administrator: { name: names.administrator, title: '', phone: '', mail: '' },
      otherContacts: [],
      notes: '',
    },
  });
  const profile = core.handlers['systems.defaultProfile']({}) as Awaited<ReturnType<TestCore['handlers']['systems.defaultProfile']>>;
  return core.handlers['systems.save']({
    system: {
      siteId: site.id,
      product: 'NEOPREMIUM2',
      version: '2.4.1',
      serial: names.serial,
      hostName: names.hostName,
      ports: profile.ports,
      dataLocations: profile.dataLocations,
    },
  });
}

describe('a USB stick the engineer never chose', () => {
  const attached: LoopStick[] = [];
  let stick: LoopStick | undefined;
  let core: TestCore;
  let router: Router;
  let work: string;

  beforeAll(async () => {
    core = await createTestCore({
      // The loop device plays a hot-plugged stick: the OS lists it as removable with its label…
      readVolumes: async () =>
        (await readVolumes()).map((v) => (stick && v.mount === stick.mountDir ? { ...v, removable: true, label: STICK_LABEL } : v)),
      // …and its device reports a model and serial, as a real stick's USB descriptor does.
      readMedium: async (target): Promise<Medium> => {
        const medium = await readMedium(target, { dataFolder: core.dataDir });
        return medium.device
          ? { ...medium, device: { ...medium.device, vendor: 'SanDisk', model: STICK_MODEL, serial: STICK_SERIAL } }
          : medium;
      },
    });
    router = createRouter(core.handlers, recordingLogger(core.logLines));
    await core.createVault();
    if (loopProblem) return;
    work = `${core.dataDir}-sticks`;
    await mkdir(work, { recursive: true });
    stick = await attachLoopStick(work, 'stick', 48 * 1024 * 1024, 'PATIENT-MARKER-renderer', attached);
  }, 120_000);
  afterAll(async () => {
    await detachAll(attached);
    await core.cleanup();
  });

  it.skipIf(loopProblem !== null)(
    `is not erased by a mount string alone: the main process names it and waits for the engineer (${loopProblem ?? 'loop devices available'})`,
    async () => {
      const mount = stick!.mountDir;
      const before = await readdir(path.join(mount, '患者_山田花子'));
      const added = await call(router, 'erasure.addVolume', { mount });
      expect(added.ok).toBe(true);
      const files = (added as { value: { targets: Array<{ files: number }> } }).value.targets[0]!.files;

      // Nobody scripted an answer: that is a refusal, never a yes.
      core.dialogs.confirm = null;
      expect(
        refusalOf(
          await call(router, 'erasure.start', {
            jobId: crypto.randomUUID(),
            method: 'random-verify',
            site: SITE,
            confirmation: String(files),
          }),
        ),
      ).toBe('CONFIRMATION_REFUSED');
      // The engineer, asked, says no.
      core.dialogs.confirm = 'no';
      await call(router, 'erasure.addVolume', { mount });
      expect(
        refusalOf(
          await call(router, 'erasure.start', {
            jobId: crypto.randomUUID(),
            method: 'random-verify',
            site: SITE,
            confirmation: String(files),
          }),
        ),
      ).toBe('CONFIRMATION_REFUSED');

      expect(await readdir(path.join(mount, '患者_山田花子'))).toEqual(before);
      const started = await call(router, 'audit.list', { types: ['erasure.started'] });
      expect((started as { value: { entries: unknown[] } }).value.entries).toEqual([]);
      // Each box said which medium, so an engineer who chose nothing recognises what was asked.
      expect(core.dialogs.confirmations).toHaveLength(2);
      const text = shownText(core);
      for (const fact of [STICK_LABEL, STICK_MODEL, STICK_SERIAL, mount, String(files)]) expect(text).toContain(fact);
      // Japanese first (the default language), with cancel as the safe choice.
      expect(core.dialogs.confirmations[0]!.cancelButton).toBe('キャンセル');
    },
  );
});

describe('the vault, the maintenance accounts and interrupted erasures', () => {
  let core: TestCore;
  let router: Router;

  beforeAll(async () => {
    core = await createTestCore();
    router = createRouter(core.handlers, recordingLogger(core.logLines));
    await core.createVault();
  }, 60_000);
  afterAll(async () => {
    await core.cleanup();
  });
  beforeEach(() => {
    core.dialogs.confirm = null;
    core.dialogs.confirmations.length = 0;
  });

  async function importVisit(collection: string, names: readonly string[]): Promise<void> {
    const folder = `${core.dataDir}-${collection}`;
    await mkdir(folder, { recursive: true });
    for (const name of names) await writeFile(path.join(folder, name), `${name} 患者データ\n`);
    core.dialogs.importSources = [folder];
    await core.handlers['vault.items.import']({ jobId: crypto.randomUUID(), collection, pick: 'folder' });
  }

  async function itemIds(): Promise<string[]> {
    return (await core.handlers['vault.items.list']({})).items.map((item) => item.id);
  }

  it('crypto-erases no vault item without the engineer’s yes to a box that counts them', async () => {
    await importVisit('V-2026-001', ['検査1.dcm', '検査2.dcm']);
    await importVisit('V-2026-002', ['患者一覧.csv']);
    const ids = await itemIds();
    expect(ids).toHaveLength(3);

    expect(refusalOf(await call(router, 'vault.items.erase', { itemIds: ids }))).toBe('CONFIRMATION_REFUSED');
    // The same through the erasure screen's channels: every collection added, the count typed.
    for (const collection of ['V-2026-001', 'V-2026-002']) await call(router, 'erasure.addVaultCollection', { collection });
    expect(
      refusalOf(
        await call(router, 'erasure.start', { jobId: crypto.randomUUID(), method: 'random-verify', site: SITE, confirmation: '3' }),
      ),
    ).toBe('CONFIRMATION_REFUSED');
    expect(await itemIds()).toEqual(ids);
    expect(core.dialogs.confirmations).toHaveLength(2);
    expect(core.dialogs.confirmations[0]!.message).toContain('3');
    expect(shownText(core)).toContain('V-2026-002');

    // Asked in English when the app is in English; a yes erases exactly what the box said.
    await core.handlers['prefs.setLanguage']({ language: 'en' });
    core.dialogs.confirm = 'yes';
    expect(await call(router, 'vault.items.erase', { itemIds: ids.slice(0, 2) })).toEqual({ ok: true, value: { erased: 2 } });
    expect(core.dialogs.confirmations[2]!.message).toMatch(/\b2 files\b/);
    expect(core.dialogs.confirmations[2]!.cancelButton).toBe('Cancel');
    expect(await itemIds()).toEqual(ids.slice(2));
    await core.handlers['prefs.setLanguage']({ language: 'ja' });
  });

  it('reveals and copies no maintenance password without a yes to a box naming the account', async () => {
    const system = await siteWithSystem(core, {
      site: 'さくら歯科クリニック',
      department: '放射線科',
      administrator: '佐藤 花子',
      serial: 'NP2-0042',
      hostName: 'SAKURA-IMG01',
    });
    // Saved by the engineer, who answered that box yes.
    core.dialogs.confirm = 'yes';
    const account = await core.handlers['accounts.save']({
      systemId: system.id,
      userName: 'fg-maint',
      secret: SECRET,
      vendorDefault: false,
    });
    core.dialogs.confirm = null;
    core.dialogs.confirmations.length = 0;

    expect(refusalOf(await call(router, 'accounts.reveal', { id: account.id }))).toBe('CONFIRMATION_REFUSED');
    core.dialogs.confirm = 'no';
    expect(refusalOf(await call(router, 'accounts.copySecret', { id: account.id }))).toBe('CONFIRMATION_REFUSED');
    expect(core.clipboard.writes).toEqual([]);
    const audited = await core.handlers['audit.list']({ types: ['account.revealed', 'account.copied'] });
    expect(audited.entries).toEqual([]);

    const text = shownText(core);
    for (const fact of ['fg-maint', 'NEOPREMIUM2', 'SAKURA-IMG01', 'さくら歯科クリニック']) expect(text).toContain(fact);
    expect(text).not.toContain(SECRET);

    core.dialogs.confirm = 'yes';
    expect(await call(router, 'accounts.reveal', { id: account.id })).toEqual({ ok: true, value: { secret: SECRET } });
    // An unknown account is refused as such, before any box is shown.
    const shown = core.dialogs.confirmations.length;
    expect(refusalOf(await call(router, 'accounts.reveal', { id: crypto.randomUUID() }))).toBe('ACCOUNT_NOT_FOUND');
    expect(core.dialogs.confirmations).toHaveLength(shown);
  });

  it('an interrupted erasure is not restarted without a yes to a box naming what it will still overwrite', async () => {
    const folder = `${core.dataDir}-interrupted`;
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, '患者一覧.csv'), '山田,1970\n');
    await writeFile(path.join(folder, 'image.dcm'), Buffer.alloc(10_000, 5));
    const erasureJobId = await planErasure(core.vault.session().db, { targets: [folder], method: 'zeros-verify' });
    const { jobs } = await core.handlers['erasure.interrupted']({});
    const remaining = jobs.find((job) => job.erasureJobId === erasureJobId)?.remaining;
    expect(remaining).toBeGreaterThan(0);

    expect(refusalOf(await call(router, 'erasure.resume', { jobId: crypto.randomUUID(), erasureJobId }))).toBe('CONFIRMATION_REFUSED');
    core.dialogs.confirm = 'no';
    expect(refusalOf(await call(router, 'erasure.resume', { jobId: crypto.randomUUID(), erasureJobId }))).toBe('CONFIRMATION_REFUSED');
    expect(await readFile(path.join(folder, '患者一覧.csv'), 'utf8')).toBe('山田,1970\n');
    expect((await core.handlers['erasure.interrupted']({})).jobs.map((job) => job.erasureJobId)).toContain(erasureJobId);
    expect(core.dialogs.confirmations).toHaveLength(2);
    const text = shownText(core);
    expect(core.dialogs.confirmations[0]!.message).toContain(String(remaining));
    expect(text).toContain(folder);

    // An id that names no interrupted job is refused as such, before any box.
    expect(refusalOf(await call(router, 'erasure.resume', { jobId: crypto.randomUUID(), erasureJobId: crypto.randomUUID() }))).toBe(
      'ERASURE_JOB_NOT_RUNNABLE',
    );
    expect(core.dialogs.confirmations).toHaveLength(2);

    core.dialogs.confirm = 'yes';
    const resumed = await call(router, 'erasure.resume', { jobId: crypto.randomUUID(), erasureJobId });
    expect(resumed).toMatchObject({ ok: true, value: { status: 'erased' } });
    expect(await readdir(folder).catch(() => [])).not.toContain('患者一覧.csv');
  });

  it('no maintenance account is saved, changed or removed without a yes to a box naming it', async () => {
    core.dialogs.confirm = 'yes';
    const system = await siteWithSystem(core, {
      site: 'みなと整形外科',
      department: '放射線科',
      administrator: '田中 一郎',
      serial: 'NP2-0077',
      hostName: 'MINATO-IMG02',
    });
    core.dialogs.confirm = null;
    const accounts = async () => (await core.handlers['accounts.list']({ systemId: system.id })).accounts;

    // A new account with a password the renderer chose.
    expect(
      refusalOf(
        await call(router, 'accounts.save', { systemId: system.id, userName: 'rogue-admin', secret: SECRET, vendorDefault: false }),
      ),
    ).toBe('CONFIRMATION_REFUSED');
    expect(await accounts()).toEqual([]);
    const text = shownText(core);
    for (const fact of ['rogue-admin', 'NEOPREMIUM2', 'MINATO-IMG02', 'みなと整形外科']) expect(text).toContain(fact);
    expect(text).not.toContain(SECRET);

    core.dialogs.confirm = 'yes';
    const saved = await call(router, 'accounts.save', { systemId: system.id, userName: 'fg-maint', secret: SECRET, vendorDefault: false });
    expect(saved.ok).toBe(true);
    const account = (saved as { ok: true; value: { id: string } }).value;

    // Its password replaced, then the account removed: both refused without a yes.
    core.dialogs.confirm = 'no';
    expect(
      refusalOf(
        await call(router, 'accounts.save', {
          id: account.id,
          systemId: system.id,
          userName: 'fg-maint',
          secret: 'replaced-by-script-1!',
          vendorDefault: false,
        }),
      ),
    ).toBe('CONFIRMATION_REFUSED');
    expect(refusalOf(await call(router, 'accounts.remove', { id: account.id }))).toBe('CONFIRMATION_REFUSED');
    expect((await accounts()).map((a) => a.id)).toEqual([account.id]);
    core.dialogs.confirm = 'yes';
    expect(await call(router, 'accounts.reveal', { id: account.id })).toEqual({ ok: true, value: { secret: SECRET } });
    const boxes = core.dialogs.confirmations.map((box) => box.message);
    expect(boxes.some((message) => message.includes('パスワードも保存'))).toBe(true);
    expect(boxes.some((message) => message.includes('削除します'))).toBe(true);

    expect(await call(router, 'accounts.remove', { id: account.id })).toEqual({ ok: true, value: { removed: true } });
    expect(await accounts()).toEqual([]);
  });

  it('an account review disables or deletes no account without a yes to a box naming each one', async () => {
    core.dialogs.confirm = 'yes';
    const system = await siteWithSystem(core, {
      site: 'ひかり眼科',
      department: '検査室',
      administrator: '鈴木 次郎',
      serial: 'NP2-0099',
      hostName: 'HIKARI-IMG03',
    });
    const keep = await core.handlers['accounts.save']({ systemId: system.id, userName: 'fg-keep', secret: SECRET, vendorDefault: false });
    const old = await core.handlers['accounts.save']({ systemId: system.id, userName: 'fg-old', secret: SECRET, vendorDefault: false });
    const gone = await core.handlers['accounts.save']({ systemId: system.id, userName: 'fg-gone', secret: SECRET, vendorDefault: false });
    core.dialogs.confirm = null;
    core.dialogs.confirmations.length = 0;
    // A review covers every account in the vault: those of the other tests are kept.
    const others = listAccounts(core.vault.session().db).filter((a) => ![keep.id, old.id, gone.id].includes(a.id));
    const decisions = [
      ...others.map((a) => ({ accountId: a.id, decision: 'keep' as const, note: '' })),
      { accountId: keep.id, decision: 'keep' as const, note: '' },
      { accountId: old.id, decision: 'disable' as const, note: '' },
      { accountId: gone.id, decision: 'delete' as const, note: '' },
    ];
    const names = async () =>
      (await core.handlers['accounts.list']({ systemId: system.id })).accounts
        .map((a) => `${a.userName}:${a.disabled ? 'disabled' : 'active'}`)
        .sort();
    const before = await names();

    expect(refusalOf(await call(router, 'accounts.recordReview', { decisions }))).toBe('CONFIRMATION_REFUSED');
    core.dialogs.confirm = 'no';
    expect(refusalOf(await call(router, 'accounts.recordReview', { decisions }))).toBe('CONFIRMATION_REFUSED');
    expect(await names()).toEqual(before);
    expect((await core.handlers['accounts.reviews']({})).reviews).toEqual([]);
    const text = shownText(core);
    for (const fact of ['fg-old', 'fg-gone', 'HIKARI-IMG03', 'ひかり眼科', '1件を無効化、1件を削除']) expect(text).toContain(fact);
    expect(text).not.toContain('fg-keep');

    // A review that only keeps accounts changes nothing, so it asks nothing.
    const shown = core.dialogs.confirmations.length;
    const keepAll = decisions.map((d) => ({ ...d, decision: 'keep' as const }));
    expect((await call(router, 'accounts.recordReview', { decisions: keepAll })).ok).toBe(true);
    expect(core.dialogs.confirmations).toHaveLength(shown);

    core.dialogs.confirm = 'yes';
    expect((await call(router, 'accounts.recordReview', { decisions })).ok).toBe(true);
    expect(await names()).toEqual(['fg-keep:active', 'fg-old:disabled']);
  });
});
