/**
 * Planned visits (issue 19) on a real vault, through the app's own IPC router: a plan made
 * for a day at a clinic's CT, refused when its request is malformed or its day, site or system
 * do not hold together; edited; the next visit the dashboard shows with the media checked out
 * for it and its own site's account warnings (not another site's); the visit started from the
 * plan, which then is a record and no longer changes; a cancelled plan that keeps its reason and
 * can no longer have media checked out for it; and the audit log, which names plans and days but
 * never the purpose or the data to carry the engineer typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../electron/shared/contract';
import type { LedgerItem, LedgerItemDraft } from '../../electron/shared/ledger';
import type { PlannedVisit, PlannedVisitDraft } from '../../electron/shared/planned-visits';
import type { Site, SiteSystem } from '../../electron/shared/sites';
import { errorCodeOf } from '../support/error-code';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { createTestCore, type TestCore } from '../support/test-core';

/** 2026-12-07 10:00 in Japan. */
const clock = new Date('2026-12-07T01:00:00.000Z');
const PURPOSE = 'CT-9000 定期点検（患者 山本様の撮影不具合の調査）';
const DATA = '装置ログ 直近30日分（患者情報を含む）';

let core: TestCore;
let invoke: Invoke;
let clinic: Site;
let hospital: Site;
let ct: SiteSystem;
let mri: SiteSystem;
let stick: LedgerItem;
let spare: LedgerItem;

const medium = (label: string, serial: string): LedgerItemDraft => ({
  label,
  type: 'usb-memory',
  make: 'SanDisk',
  model: 'Extreme PRO',
  serial,
  capacityBytes: 64e9,
  encryption: 'hardware',
  owner: '山田 太郎',
  storageLocation: '保管庫A',
  purchaseDate: null,
  warrantyEnd: null,
  notes: '',
});

const siteDraft = (name: string, administrator: string): RequestOf<'sites.save'>['site'] => ({
  name,
  department: '放射線科',
  address: '東京都港区',
  administrator: { name: administrator, title: 'システム管理者', phone: '', mail: '' },
  otherContacts: [],
  notes: '',
});

const planFor = (overrides: Partial<PlannedVisitDraft> = {}): PlannedVisitDraft => ({
  templateId: 'maintenance-visit',
  siteId: clinic.id,
  systemId: ct.id,
  date: '2026-12-10',
  purpose: PURPOSE,
  workOrder: 'WO-8812',
  dataToCarry: DATA,
  ...overrides,
});

const plan = (overrides: Partial<PlannedVisitDraft> = {}) => invoke('plannedVisits.save', { visit: planFor(overrides) });

beforeAll(async () => {
  core = await createTestCore({ now: () => clock });
  core.dialogs.confirm = 'yes';
  invoke = invokeThroughRouter(core.handlers, core.log);
  await core.createVault();
  clinic = await invoke('sites.save', { site: siteDraft('みなと台クリニック', '佐藤 一郎') });
  hospital = await invoke('sites.save', { site: siteDraft('東都病院', '鈴木 花子') });
  const profile = await invoke('systems.defaultProfile', {});
  ct = await invoke('systems.save', {
    system: { siteId: clinic.id, product: 'CT-9000', version: '3.2', serial: '', hostName: 'ct-ws', ...profile },
  });
  mri = await invoke('systems.save', {
    system: { siteId: hospital.id, product: 'MR-7', version: '1', serial: '', hostName: 'mr-ws', ...profile },
  });
  // Two vendor-default passwords at the hospital, none at the clinic: the clinic's visit must not count them.
  for (const userName of ['service', 'fe-admin'])
    await invoke('accounts.save', { systemId: mri.id, userName, secret: 'vendor-default-1', vendorDefault: true });
  stick = await invoke('ledger.save', { item: medium('FG-USB-001', '4C530001230815117224') });
  spare = await invoke('ledger.save', { item: medium('FG-USB-002', '4C530001230815117299') });
}, 60_000);
afterAll(async () => {
  await core.cleanup();
});

describe('making a plan', () => {
  let first: PlannedVisit;

  it('plans a visit with its site, system, day, purpose and the data to carry, named as the site is on record', async () => {
    first = await plan();
    expect(first).toMatchObject({
      status: 'planned',
      siteName: 'みなと台クリニック',
      administrator: '佐藤 一郎',
      systemName: 'CT-9000 / ct-ws',
      date: '2026-12-10',
      purpose: PURPOSE,
      dataToCarry: DATA,
      runId: null,
    });
    expect((await invoke('plannedVisits.list', {})).visits.map((v) => v.id)).toEqual([first.id]);
  });

  it('refuses malformed plans at the channel: an impossible day, no purpose, a control character, an unknown field', async () => {
    for (const visit of [planFor({ date: '2026-02-30' }), planFor({ purpose: '  ' }), planFor({ workOrder: 'WO\u0007' })])
      expect(await errorCodeOf(() => invoke('plannedVisits.save', { visit }))).toBe('IPC_INVALID_REQUEST');
    const extra = { ...planFor(), status: 'started' } as PlannedVisitDraft;
    expect(await errorCodeOf(() => invoke('plannedVisits.save', { visit: extra }))).toBe('IPC_INVALID_REQUEST');
  });

  it('refuses a day in the past, a system of another site and a maintenance visit without a system', async () => {
    expect(await errorCodeOf(() => plan({ date: '2026-12-06' }))).toBe('PLANNED_VISIT_DATE_PAST');
    expect(await errorCodeOf(() => plan({ systemId: mri.id }))).toBe('SYSTEM_NOT_FOUND');
    expect(await errorCodeOf(() => plan({ systemId: null }))).toBe('PROCEDURE_SYSTEM_REQUIRED');
    expect((await invoke('plannedVisits.list', {})).visits).toHaveLength(1);
  });

  it('edits a plan still planned', async () => {
    const edited = await plan({ id: first.id, date: '2026-12-09', workOrder: 'WO-8813' });
    expect([edited.id, edited.date, edited.workOrder]).toEqual([first.id, '2026-12-09', 'WO-8813']);
  });
});

describe('the next visit', () => {
  it('is the earliest plan, with the media checked out for it and only its own site’s account warnings', async () => {
    await plan({ siteId: hospital.id, systemId: mri.id, date: '2026-12-20', purpose: '更新作業' });
    const [next] = (await invoke('plannedVisits.list', { status: 'planned' })).visits;
    expect(next?.siteName).toBe('みなと台クリニック');
    await invoke('ledger.checkOut', {
      itemId: stick.id,
      custodian: '山田 太郎',
      purpose: 'ログ回収',
      visitReference: '',
      plannedVisitId: next!.id,
      expectedReturnDate: '2026-12-11',
      carriesSiteData: false,
    });
    const checklist = await invoke('plannedVisits.next', {});
    expect(checklist.visit?.id).toBe(next!.id);
    expect(checklist.laterCount).toBe(1);
    expect(checklist.today).toBe('2026-12-07');
    expect(checklist.media.map((m) => [m.label, m.status, m.expectedReturnDate])).toEqual([['FG-USB-001', 'checked-out', '2026-12-11']]);
    expect(checklist.accounts).toEqual({ vendorDefaults: 0, reviewsDue: 0 });
    expect((await invoke('ledger.get', { id: stick.id })).item.currentCheckout?.plannedVisitId).toBe(next!.id);
  });
});

describe('starting the visit from its plan', () => {
  it('refuses a start at another procedure than planned, then starts it with the plan’s purpose and closes the plan', async () => {
    const next = (await invoke('plannedVisits.next', {})).visit!;
    const asPlanned = { templateId: next.templateId, siteId: next.siteId, systemId: next.systemId, plannedVisitId: next.id };
    expect(await errorCodeOf(() => invoke('visits.start', { ...asPlanned, templateId: 'decommissioning' }))).toBe('PLANNED_VISIT_MISMATCH');
    expect((await invoke('visits.list', {})).runs).toHaveLength(0);

    const run = await invoke('visits.start', asPlanned);
    expect(run.plannedVisit).toEqual({ id: next.id, purpose: PURPOSE, workOrder: 'WO-8813', dataToCarry: DATA });
    const started = await invoke('plannedVisits.get', { id: next.id });
    expect([started.status, started.runId, started.runReference]).toEqual(['started', run.id, run.reference]);
  });

  it('keeps a started plan as it was: no edit, no cancel, no second start', async () => {
    const [started] = (await invoke('plannedVisits.list', { status: 'started' })).visits;
    expect(await errorCodeOf(() => plan({ id: started!.id, purpose: '別の目的' }))).toBe('PLANNED_VISIT_CLOSED');
    expect(await errorCodeOf(() => invoke('plannedVisits.cancel', { id: started!.id, reason: '不要' }))).toBe('PLANNED_VISIT_CLOSED');
    const again = { templateId: started!.templateId, siteId: started!.siteId, systemId: started!.systemId, plannedVisitId: started!.id };
    expect(await errorCodeOf(() => invoke('visits.start', again))).toBe('PLANNED_VISIT_CLOSED');
    expect((await invoke('plannedVisits.get', { id: started!.id })).purpose).toBe(PURPOSE);
  });

  it('moves the checklist to the next plan, with that site’s vendor-default passwords', async () => {
    const checklist = await invoke('plannedVisits.next', {});
    expect(checklist.visit?.siteName).toBe('東都病院');
    expect(checklist.laterCount).toBe(0);
    expect(checklist.media).toEqual([]);
    expect(checklist.accounts.vendorDefaults).toBe(2);
  });
});

describe('cancelling a plan', () => {
  it('keeps the reason, refuses media for it afterwards, and leaves no next visit', async () => {
    const next = (await invoke('plannedVisits.next', {})).visit!;
    const cancelled = await invoke('plannedVisits.cancel', { id: next.id, reason: '施設の都合で延期' });
    expect([cancelled.status, cancelled.cancelReason]).toEqual(['cancelled', '施設の都合で延期']);
    const out = () =>
      invoke('ledger.checkOut', {
        itemId: spare.id,
        custodian: '山田 太郎',
        purpose: 'ログ回収',
        visitReference: '',
        plannedVisitId: next.id,
        expectedReturnDate: '2026-12-21',
        carriesSiteData: false,
      });
    expect(await errorCodeOf(out)).toBe('PLANNED_VISIT_CLOSED');
    expect((await invoke('ledger.get', { id: spare.id })).item.status).toBe('in-store');
    expect((await invoke('plannedVisits.next', {})).visit).toBeNull();
  });

  it('keeps a site with plans from being removed', async () => {
    const walkIn = await invoke('sites.save', { site: siteDraft('港南内科', '田中 次郎') });
    await plan({ templateId: 'incident-response', siteId: walkIn.id, systemId: null, purpose: '媒体紛失の対応' });
    expect(await errorCodeOf(() => invoke('sites.remove', { id: walkIn.id }))).toBe('SITE_HAS_PLANNED_VISITS');
  });
});

describe('the audit log', () => {
  it('records each plan created, edited and cancelled by id and day, never the purpose, the data or the reason typed', async () => {
    const { entries } = await invoke('audit.list', {
      types: ['planned-visit.created', 'planned-visit.edited', 'planned-visit.cancelled'],
      limit: 100,
    });
    expect(entries.map((e) => e.type).sort()).toEqual([
      'planned-visit.cancelled',
      'planned-visit.created',
      'planned-visit.created',
      'planned-visit.created',
      'planned-visit.edited',
    ]);
    expect(entries.every((e) => typeof e.details.plannedVisitId === 'string' && typeof e.details.visitDate === 'string')).toBe(true);
    const written = JSON.stringify(entries);
    for (const typed of [PURPOSE, DATA, '施設の都合', '患者']) expect(written).not.toContain(typed);
  });
});
