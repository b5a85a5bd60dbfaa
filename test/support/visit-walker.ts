/**
 * Walks a procedure run step by step through the app's own handlers, filling each step the way
 * an engineer would — a plausible value of each field's type, the site administrator's drawn
 * signature, files imported into the visit's vault folder for evidence — so that a test can
 * bring a run to the step it is about and look at that one closely.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FieldTemplate, FieldValue, VisitRun, StepTemplate } from '../../electron/shared/visits';
import { saveSite } from '../../electron/core/sites/site-store';
import type { VaultSession } from '../../electron/core/vault/vault-session';
import { startRun } from '../../electron/core/visits/visit-service';
import type { TestCore } from './test-core';

/** What walking a run needs of the core: its handlers, and the dialogs and data folder for importing evidence (the e2e harness has them too). */
export type WalkerCore = Pick<TestCore, 'handlers' | 'dialogs' | 'dataDir'>;

/** A 1×1 PNG, as the signature pad would send it. */
export const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function plausibleValue(field: FieldTemplate, context: { accountId: string | null; now: Date }): FieldValue | undefined {
  switch (field.type) {
    case 'text':
      return `${field.id} の記録`;
    case 'multiline':
      return `${field.id} の記録\n二行目`;
    case 'datetime':
      return context.now.toISOString();
    case 'choice':
      return field.options?.[0];
    case 'yes':
      return true;
    case 'account':
      return context.accountId ?? undefined;
    case 'count':
      return 3;
    case 'sha256':
      return 'ab'.repeat(32);
  }
}

export function plausibleValues(step: StepTemplate, context: { accountId: string | null; now: Date }): Record<string, FieldValue> {
  return Object.fromEntries(step.fields.map((f) => [f.id, plausibleValue(f, context)]).filter(([, v]) => v !== undefined)) as Record<
    string,
    FieldValue
  >;
}

/** Imports one small file into the run's vault folder and returns its item id. */
export async function importIntoVisit(core: WalkerCore, run: VisitRun, name: string): Promise<string> {
  const folder = path.join(`${core.dataDir}-sources`, randomUUID());
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, name), `${name} — 作業の証跡\n`);
  core.dialogs.importSources = [path.join(folder, name)];
  const { items } = await core.handlers['vault.items.import']({ jobId: randomUUID(), collection: run.reference, pick: 'files' });
  return items[0]!.id;
}

/** Closes one step as an engineer would; automatic steps run their check (which may not pass). */
export async function doStep(
  core: WalkerCore,
  run: VisitRun,
  stepId: string,
  context: { accountId: string | null; now: Date },
): Promise<VisitRun> {
  const step = run.template.steps.find((s) => s.id === stepId)!;
  const ref = { runId: run.id, stepId };
  if (step.kind === 'automatic') {
    let checked = await core.handlers['visits.runCheck'](ref);
    if (step.check === 'readiness' && checked.steps.find((s) => s.stepId === stepId)?.status === 'open') {
      // Before leaving for the site: run the self-check again.
      await core.handlers['selfCheck.run']({});
      checked = await core.handlers['visits.runCheck'](ref);
    }
    // A check that does not pass on a step that may not apply (no files handed over, say) is marked so, as an engineer would.
    const open = checked.steps.find((s) => s.stepId === stepId)?.status === 'open';
    return open && step.notApplicable ? core.handlers['visits.markNotApplicable']({ ...ref, reason: 'この作業では該当なし' }) : checked;
  }
  const attachments = step.attachments === 'required' ? [await importIntoVisit(core, run, `${stepId}.txt`)] : [];
  return core.handlers['visits.completeStep']({
    ...ref,
    values: plausibleValues(step, context),
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(step.kind === 'signature' ? { signer: { name: '佐藤 一郎', title: '医療情報部 システム管理者' }, signature: SIGNATURE_PNG } : {}),
  });
}

/** Closes every step before `untilStepId` (required or not, but for the optional ones in `skip`), in order. */
export async function walkTo(
  core: WalkerCore,
  run: VisitRun,
  untilStepId: string | null,
  context: { accountId: string | null; now: Date },
  options: { skip?: readonly string[] } = {},
): Promise<VisitRun> {
  let current = run;
  for (const step of run.template.steps) {
    if (step.id === untilStepId) break;
    if (current.steps.find((s) => s.stepId === step.id)?.status !== 'open' || options.skip?.includes(step.id)) continue;
    current = await doStep(core, current, step.id, context);
  }
  return current;
}

/** A visit open at a new site (an incident response, which needs no system): the laptop may now be on the site's network. */
export function openVisitAtNewSite(session: VaultSession, now = new Date()): VisitRun {
  const site = saveSite(
    session,
    {
      name: '東都中央病院',
      department: '放射線科',
      address: '',
      administrator: { name: '佐藤 花子', title: '', phone: '', mail: '' },
      otherContacts: [],
      notes: '',
    },
    now,
  );
  return startRun(session, { templateId: 'incident-response', siteId: site.id, systemId: null }, now);
}
