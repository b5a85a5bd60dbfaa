/**
 * Sites, systems and their dedicated maintenance accounts as an engineer keeps them (10-3,
 * 14-2, 8-5, 14-7), through the app's own IPC router on a real vault: a clinic and its imaging
 * server from the §5 profile, the maintenance account's password stored, revealed on request,
 * copied to the clipboard and cleared after 30 seconds or at lock; the vendor-default warning,
 * the six-monthly account review, the removal rules — and the password never showing up
 * anywhere but in the one answer that was asked for it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestOf } from '../../electron/shared/contract';
import type { MaintenanceAccount, Site, SiteSystem } from '../../electron/shared/sites';
import { errorCodeOf } from '../support/error-code';
import { readFile } from 'node:fs/promises';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

/** The passwords this test stores: none may appear anywhere but in `accounts.reveal`. */
const SECRET = 'Kq7!fg-maint-Wz93#tokyo';
const VENDOR_DEFAULT = 'neo-vendor-DEFAULT-4417';
const CHANGED = 'Rt5$changed-after-visit-Hm28';
const TO_DELETE = 'old-engineer-pw-Jd62?';
const SECRETS = [SECRET, VENDOR_DEFAULT, CHANGED, TO_DELETE];

const START = new Date('2026-04-01T01:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

let core: TestCore;
let invoke: Invoke;
let clock = START;
/** Every reply the router gave, success or refusal, for the leak scan. */
const replies: Array<{ channel: string; reply: unknown }> = [];

/** Lets the clipboard's asynchronous clear run to its end. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

let site: Site;
let system: SiteSystem;
let account: MaintenanceAccount;

beforeAll(async () => {
  core = await createTestCore({ now: () => clock });
  // The engineer answers the main process's confirmation box yes (renderer-compromise.test.ts covers no).
  core.dialogs.confirm = 'yes';
  invoke = invokeThroughRouter(core.handlers, core.log, { onReply: (channel, reply) => replies.push({ channel, reply }) });
  await core.createVault();
}, 60_000);
afterAll(async () => {
  await core.cleanup();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a clinic, its imaging server and the dedicated maintenance account', () => {
  it('offers the vendor system’s §5 profile to start from, in Japanese, the image viewer off', async () => {
    const profile = await invoke('systems.defaultProfile', {});
    const ports = (direction: string) => profile.ports.filter((p) => p.direction === direction).map((p) => [p.port, p.enabled]);
    expect(ports('inbound')).toEqual([
      [5432, true],
      [104, true],
      [1025, true],
      [80, false],
      [808, false],
      [8080, false],
    ]);
    expect(ports('outbound')).toEqual([
      [7, true],
      [69, true],
      [1024, true],
    ]);
    expect(profile.ports.find((p) => p.port === 104)?.use).toMatch(/DICOM Query\/Retrieve.*変更/);
    expect(profile.dataLocations.map((l) => l.path)).toEqual([
      'D:\\MainImage',
      'D:\\BackupImage',
      'D:\\RawImage',
      'E:\\MainImage',
      'E:\\BackupImage',
      'E:\\RawImage',
      'C:\\NEOPREMIUM2\\log',
      'C:\\Program Files\\PostgreSQL\\<version>\\data',
    ]);
    expect(profile.dataLocations[0]?.holds).toBe('撮影画像');
    expect(profile.dataLocations[1]?.holds).toBe('撮影画像のバックアップ');
    expect(profile.dataLocations.slice(3, 6).every((l) => l.holds.includes('復旧用コピー'))).toBe(true);
  });

  it('keeps the site with its system administrator, and the system with the profile as this site has it', async () => {
    site = await invoke('sites.save', {
      site: {
        name: 'さくら歯科クリニック',
        department: '放射線科',
        address: '東京都千代田区丸の内1-1-1\n丸の内ビル 3F',
        administrator: { name: '佐藤 花子', title: 'システム管理者', phone: '03-1234-5678', mail: 'sato@sakura-dental.example.jp' },
        otherContacts: [],
        notes: '',
      },
    });
    expect((await invoke('sites.list', {})).sites).toEqual([site]);

    const profile = await invoke('systems.defaultProfile', {});
    // This site moved DICOM Q/R to 11112 and uses the web viewer on 8080.
    const ports = profile.ports.map((p) => (p.port === 104 ? { ...p, port: 11112 } : p.port === 8080 ? { ...p, enabled: true } : p));
    system = await invoke('systems.save', {
      system: {
        siteId: site.id,
        product: 'NEOPREMIUM2',
        version: '2.4.1',
        serial: 'NP2-0042',
        hostName: 'SAKURA-IMG01',
        ports,
        dataLocations: profile.dataLocations,
      },
    });
    expect(system.ports.find((p) => p.port === 11112)?.use).toMatch(/DICOM/);
    expect((await invoke('systems.list', { siteId: site.id })).systems).toEqual([system]);

    expect((await invoke('audit.list', { types: ['site.saved', 'system.saved'] })).entries.map((e) => e.type)).toEqual([
      'system.saved',
      'site.saved',
    ]);
  });

  it('[14-2] stores the maintenance account’s password encrypted, and lists the account without it', async () => {
    account = await invoke('accounts.save', { systemId: system.id, userName: 'fg-maint', secret: SECRET, vendorDefault: false });
    expect(account).toMatchObject({
      userName: 'fg-maint',
      hasSecret: true,
      vendorDefault: false,
      disabled: false,
      lastChangedAt: START.toISOString(),
      nextReviewAt: '2026-10-01T01:00:00.000Z',
    });
    const { accounts } = await invoke('accounts.list', { systemId: system.id });
    expect(accounts).toEqual([account]);
    expect(JSON.stringify(accounts)).not.toContain(SECRET);

    // Inside the (SQLCipher-encrypted) database the password is sealed again: no plaintext in the row.
    const row = core.vault.session().db.prepare('SELECT * FROM maintenance_accounts WHERE id = ?').get(account.id) as Record<
      string,
      unknown
    >;
    expect(Buffer.isBuffer(row.secret)).toBe(true);
    expect((row.secret as Buffer).includes(Buffer.from(SECRET))).toBe(false);
    expect(JSON.stringify(row)).not.toContain(SECRET);
  });

  it('shows the password only when asked, and audits that it was shown — by account id only', async () => {
    expect(await invoke('accounts.reveal', { id: account.id })).toEqual({ secret: SECRET });
    const { entries } = await invoke('audit.list', { types: ['account.revealed'] });
    expect(entries.map((e) => e.details)).toEqual([{ accountId: account.id }]);
  });

  it('keeps a password that is not given again, and says so when there is none', async () => {
    const renamed = await invoke('accounts.save', { id: account.id, systemId: system.id, userName: 'fg-maint', vendorDefault: false });
    expect(renamed).toEqual(account);
    expect(await invoke('accounts.reveal', { id: account.id })).toEqual({ secret: SECRET });
    const bare = await invoke('accounts.save', { systemId: system.id, userName: 'fg-readonly', vendorDefault: false });
    expect(bare).toMatchObject({ hasSecret: false, lastChangedAt: null });
    expect(await errorCodeOf(() => invoke('accounts.reveal', { id: bare.id }))).toBe('ACCOUNT_NO_SECRET');
    expect(await errorCodeOf(() => invoke('accounts.copySecret', { id: bare.id }))).toBe('ACCOUNT_NO_SECRET');
    expect(await invoke('accounts.remove', { id: bare.id })).toEqual({ removed: true });
  });

  it('refuses what does not fit: unknown parents and ids, duplicate ports, control characters', async () => {
    const profile = await invoke('systems.defaultProfile', {});
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await errorCodeOf(() => invoke('accounts.save', { systemId: unknown, userName: 'x', vendorDefault: false }))).toBe(
      'SYSTEM_NOT_FOUND',
    );
    expect(
      await errorCodeOf(() => invoke('accounts.save', { id: unknown, systemId: system.id, userName: 'x', vendorDefault: false })),
    ).toBe('ACCOUNT_NOT_FOUND');
    expect(await errorCodeOf(() => invoke('accounts.reveal', { id: unknown }))).toBe('ACCOUNT_NOT_FOUND');
    expect(await errorCodeOf(() => invoke('systems.list', { siteId: unknown }))).toBe('SITE_NOT_FOUND');
    expect(
      await errorCodeOf(() =>
        invoke('systems.save', { system: { ...profile, siteId: unknown, product: 'X', version: '', serial: '', hostName: '' } }),
      ),
    ).toBe('SITE_NOT_FOUND');
    const twice = [...profile.ports, profile.ports[0]!];
    expect(await errorCodeOf(() => invoke('systems.save', { system: { ...system, ports: twice } }))).toBe('IPC_INVALID_REQUEST');
    expect(await errorCodeOf(() => invoke('sites.save', { site: { ...site, name: 'さくら\u0000歯科' } }))).toBe('IPC_INVALID_REQUEST');
    // The services check the same rules when called without the router (CLI, harness).
    expect(await errorCodeOf(() => core.handlers['systems.save']({ system: { ...system, ports: twice } }))).toBe('IPC_INVALID_REQUEST');
    expect((await invoke('systems.list', { siteId: site.id })).systems).toEqual([system]);
  });
});

describe('copying the password', () => {
  it('puts it on the clipboard in the main process and clears it after 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(await invoke('accounts.copySecret', { id: account.id })).toEqual({ clearsInSeconds: 30 });
    expect(core.clipboard.text).toBe(SECRET);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(core.clipboard.text).toBe(SECRET);
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(core.clipboard.text).toBe('');
    const { entries } = await invoke('audit.list', { types: ['account.copied'] });
    expect(entries.map((e) => e.details)).toEqual([{ accountId: account.id, clearsInSeconds: 30 }]);
  });

  it('leaves alone whatever the engineer copied since', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await invoke('accounts.copySecret', { id: account.id });
    await core.clipboard.writeText('作業報告書 WO-2026-0401');
    const clears = core.clipboard.clears;
    await vi.advanceTimersByTimeAsync(30_000);
    await settle();
    expect(core.clipboard.text).toBe('作業報告書 WO-2026-0401');
    expect(core.clipboard.clears).toBe(clears);
  });

  it('clears it at once when the vault locks, and nothing can be revealed or copied while locked', async () => {
    await invoke('accounts.copySecret', { id: account.id });
    expect(core.clipboard.text).toBe(SECRET);
    await invoke('vault.lock', {});
    await settle();
    expect(core.clipboard.text).toBe('');
    expect(await errorCodeOf(() => invoke('accounts.reveal', { id: account.id }))).toBe('VAULT_LOCKED');
    expect(await errorCodeOf(() => invoke('accounts.copySecret', { id: account.id }))).toBe('VAULT_LOCKED');
    expect(await errorCodeOf(() => invoke('accounts.list', {}))).toBe('VAULT_LOCKED');
    await invoke('vault.unlock', { password: TEST_PASSWORD });
    expect(await invoke('accounts.reveal', { id: account.id })).toEqual({ secret: SECRET });
  });
});

describe('vendor-default passwords and due reviews (8-5, 14-7)', () => {
  let vendorAccount: MaintenanceAccount;

  it('[8-5] accepts a vendor-default password as found, and keeps warning about it until it is changed', async () => {
    expect(await invoke('accounts.warnings', {})).toEqual({ vendorDefaults: 0, reviewsDue: 0, nextReviewAt: '2026-10-01T01:00:00.000Z' });
    clock = new Date(START.getTime() + 10 * DAY);
    vendorAccount = await invoke('accounts.save', {
      systemId: system.id,
      userName: 'neoadmin',
      secret: VENDOR_DEFAULT,
      vendorDefault: true,
    });
    expect(vendorAccount).toMatchObject({ vendorDefault: true, nextReviewAt: '2026-10-11T01:00:00.000Z' });
    expect(await invoke('accounts.warnings', {})).toEqual({ vendorDefaults: 1, reviewsDue: 0, nextReviewAt: '2026-10-01T01:00:00.000Z' });

    clock = new Date(START.getTime() + 20 * DAY);
    const changed = await invoke('accounts.save', {
      id: vendorAccount.id,
      systemId: system.id,
      userName: 'neoadmin',
      secret: CHANGED,
      vendorDefault: false,
    });
    expect(changed).toMatchObject({ vendorDefault: false, lastChangedAt: clock.toISOString(), nextReviewAt: vendorAccount.nextReviewAt });
    expect(await invoke('accounts.reveal', { id: vendorAccount.id })).toEqual({ secret: CHANGED });
    expect((await invoke('accounts.warnings', {})).vendorDefaults).toBe(0);
    const saved = (await invoke('audit.list', { types: ['account.saved'] })).entries[0];
    expect(saved?.details).toEqual({
      accountId: vendorAccount.id,
      systemId: system.id,
      created: false,
      secretChanged: true,
      vendorDefault: false,
      disabled: false,
    });
  });

  it('[14-7] counts the accounts whose review date has passed', async () => {
    clock = new Date('2026-10-05T00:00:00.000Z');
    expect(await invoke('accounts.warnings', {})).toEqual({ vendorDefaults: 0, reviewsDue: 1, nextReviewAt: '2026-10-01T01:00:00.000Z' });
    clock = new Date('2026-10-12T00:00:00.000Z');
    expect((await invoke('accounts.warnings', {})).reviewsDue).toBe(2);
  });
});

describe('the account review (14-7)', () => {
  let leaving: MaintenanceAccount;
  let vendor: MaintenanceAccount;

  beforeAll(async () => {
    leaving = await invoke('accounts.save', { systemId: system.id, userName: 'tanaka-old', secret: TO_DELETE, vendorDefault: false });
    vendor = (await invoke('accounts.list', {})).accounts.find((a) => a.userName === 'neoadmin')!;
  });

  it('[14-7] is refused unless every account has exactly one decision, and then changes nothing', async () => {
    const before = await invoke('accounts.list', {});
    const keep = (id: string) => ({ accountId: id, decision: 'keep' as const, note: '' });
    expect(await errorCodeOf(() => invoke('accounts.recordReview', { decisions: [keep(account.id), keep(vendor.id)] }))).toBe(
      'ACCOUNT_REVIEW_INCOMPLETE',
    );
    expect(
      await errorCodeOf(() =>
        invoke('accounts.recordReview', { decisions: [keep(account.id), keep(vendor.id), keep(leaving.id), keep(leaving.id)] }),
      ),
    ).toBe('ACCOUNT_REVIEW_INCOMPLETE');
    expect(
      await errorCodeOf(() =>
        invoke('accounts.recordReview', {
          decisions: [keep(account.id), keep(vendor.id), keep(leaving.id), keep('00000000-0000-4000-8000-000000000000')],
        }),
      ),
    ).toBe('ACCOUNT_NOT_FOUND');
    expect(await invoke('accounts.list', {})).toEqual(before);
    expect((await invoke('accounts.reviews', {})).reviews).toEqual([]);
  });

  it('[14-7] applies keep, disable and delete, moves every next review six months on and records who decided what', async () => {
    clock = new Date('2026-10-12T02:00:00.000Z');
    const review = await invoke('accounts.recordReview', {
      decisions: [
        { accountId: account.id, decision: 'keep', note: '' },
        { accountId: vendor.id, decision: 'disable', note: '常用しないため無効化（必要時に施設管理者が有効化）' },
        { accountId: leaving.id, decision: 'delete', note: '退職した担当者のアカウント' },
      ],
    });
    expect(review).toMatchObject({ reviewedAt: clock.toISOString(), reviewer: '山田 太郎 (E-20417)' });
    expect(review.decisions).toEqual([
      { accountId: account.id, userName: 'fg-maint', site: 'さくら歯科クリニック', system: 'NEOPREMIUM2', decision: 'keep', note: '' },
      {
        accountId: vendor.id,
        userName: 'neoadmin',
        site: 'さくら歯科クリニック',
        system: 'NEOPREMIUM2',
        decision: 'disable',
        note: '常用しないため無効化（必要時に施設管理者が有効化）',
      },
      {
        accountId: leaving.id,
        userName: 'tanaka-old',
        site: 'さくら歯科クリニック',
        system: 'NEOPREMIUM2',
        decision: 'delete',
        note: '退職した担当者のアカウント',
      },
    ]);

    const { accounts } = await invoke('accounts.list', {});
    expect(accounts.map((a) => [a.userName, a.disabled, a.nextReviewAt])).toEqual([
      ['fg-maint', false, '2027-04-12T02:00:00.000Z'],
      ['neoadmin', true, '2027-04-12T02:00:00.000Z'],
    ]);
    expect(await errorCodeOf(() => invoke('accounts.reveal', { id: leaving.id }))).toBe('ACCOUNT_NOT_FOUND');
    expect(core.vault.session().db.prepare('SELECT count(*) AS n FROM maintenance_accounts WHERE id = ?').get(leaving.id)).toEqual({
      n: 0,
    });
    expect(await invoke('accounts.warnings', {})).toEqual({ vendorDefaults: 0, reviewsDue: 0, nextReviewAt: '2027-04-12T02:00:00.000Z' });
    expect((await invoke('accounts.reviews', {})).reviews).toEqual([review]);

    const audited = await invoke('audit.list', { types: ['account.reviewed', 'account.removed'] });
    expect(audited.entries.map((e) => [e.type, e.details])).toEqual([
      [
        'account.reviewed',
        { reviewId: review.id, accounts: 3, kept: 1, disabled: 1, deleted: 1, nextReviewAt: '2027-04-12T02:00:00.000Z' },
      ],
      ['account.removed', { accountId: leaving.id, systemId: system.id, reviewId: review.id }],
      ['account.removed', expect.objectContaining({ systemId: system.id })],
    ]);
  });
});

describe('a master-key rotation', () => {
  it('re-seals the stored passwords under the new key', async () => {
    await core.handlers['vault.rotateMasterKey']((await core.prepareRotation(TEST_PASSWORD)).request);
    expect(await invoke('accounts.reveal', { id: account.id })).toEqual({ secret: SECRET });
    await invoke('vault.lock', {});
    await invoke('vault.unlock', { password: TEST_PASSWORD });
    expect(await invoke('accounts.reveal', { id: account.id })).toEqual({ secret: SECRET });
  });
});

describe('removing', () => {
  it('refuses a site with systems and a system with accounts; children first, then the parent', async () => {
    expect(await errorCodeOf(() => invoke('sites.remove', { id: site.id }))).toBe('SITE_HAS_SYSTEMS');
    expect(await errorCodeOf(() => invoke('systems.remove', { id: system.id }))).toBe('SYSTEM_HAS_ACCOUNTS');
    for (const a of (await invoke('accounts.list', { systemId: system.id })).accounts)
      expect(await invoke('accounts.remove', { id: a.id })).toEqual({ removed: true });
    expect(await invoke('systems.remove', { id: system.id })).toEqual({ removed: true });
    expect(await invoke('sites.remove', { id: site.id })).toEqual({ removed: true });
    expect(await invoke('sites.remove', { id: site.id })).toEqual({ removed: false });
    expect(await invoke('sites.list', {})).toEqual({ sites: [] });
    expect((await invoke('audit.list', { types: ['site.removed', 'system.removed'] })).entries.map((e) => e.type)).toEqual([
      'site.removed',
      'system.removed',
    ]);
  });
});

describe('the passwords never leak', () => {
  it('not in a refused request’s reply either', async () => {
    expect(
      await errorCodeOf(() =>
        invoke('accounts.save', { systemId: system.id, userName: 'x', secret: SECRET.repeat(20), vendorDefault: false }),
      ),
    ).toBe('IPC_INVALID_REQUEST');
    const stray = { systemId: system.id, userName: 'x', password: SECRET, vendorDefault: false } as unknown as RequestOf<'accounts.save'>;
    expect(await errorCodeOf(() => invoke('accounts.save', stray))).toBe('IPC_INVALID_REQUEST');
    expect(
      await errorCodeOf(() => invoke('accounts.save', { systemId: system.id, userName: 'x', secret: SECRET, vendorDefault: false })),
    ).toBe('SYSTEM_NOT_FOUND');
  });

  it('[14-2] appear in no reply but the reveal, in no log line, audit entry, event or stored review', async () => {
    const { entries } = await invoke('audit.list', { limit: 1000 });
    const places: Record<string, string> = {
      replies: JSON.stringify(replies.filter((r) => r.channel !== 'accounts.reveal')),
      log: core.logLines.join('\n'),
      logFile: await readFile(core.logFile, 'utf8'),
      audit: JSON.stringify(entries),
      auditCsv: core.vault.session().audit.toCsv(),
      events: JSON.stringify(core.events),
      reviews: JSON.stringify(core.vault.session().db.prepare('SELECT * FROM account_reviews').all()),
    };
    // The scan is real: the replies were recorded and the reveals did return the passwords.
    expect(replies.length).toBeGreaterThan(50);
    expect(JSON.stringify(replies.filter((r) => r.channel === 'accounts.reveal'))).toContain(SECRET);
    expect(entries.length).toBeGreaterThan(20);
    for (const secret of SECRETS) {
      for (const [place, text] of Object.entries(places)) expect(text.includes(secret), `${place} holds a password`).toBe(false);
    }
  });
});
