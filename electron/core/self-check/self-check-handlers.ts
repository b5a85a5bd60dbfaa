/**
 * The `selfCheck.*` channels: run the check, keep every run in the vault with its evidence,
 * the policy (Settings or a company file) and the device's ownership, the signed report,
 * the readiness gate with its audited override, and the diagnostic recording of the probes'
 * raw answers (「診断データを保存」).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';
import { applyCompanyTrustPolicy } from '../certificates/company-trust-policy';
import type { Dialogs } from '../dialogs';
import type { Handlers } from '../ipc/router';
import type { VaultService } from '../vault/vault-service';
import { loadPolicySetting, parsePolicyFile, savePolicySetting } from './self-check-policy-store';
import type { SelfCheckProbes } from './self-check-observations';
import { readiness, recordOverride } from './readiness-gate';
import { policyDigest, runSelfCheck } from './run-self-check';
import { attachCertificate, getRun, listRuns, reportOf, saveRun } from './self-check-store';
import { issueSelfCheckReport } from './self-check-report';
import { DEFAULT_SELF_CHECK_POLICY } from '../../shared/self-check';

type SelfCheckChannel = Extract<keyof Handlers, `selfCheck.${string}`>;

/** A policy file is a few hundred bytes; anything much larger is not one. */
const MAX_POLICY_BYTES = 64 * 1024;

export interface SelfCheckPorts {
  readonly vault: VaultService;
  readonly dialogs: Dialogs;
  readonly probes: SelfCheckProbes;
  readonly now: () => Date;
  readonly fontPath?: string;
  /** Runs the probes once, recording, and writes the recording into a (new) folder; returns the files written. */
  readonly recordDiagnostics: (folder: string) => Promise<readonly string[]>;
}

/** "FieldGuard-selfcheck-20261126-120000" in UTC: a new folder each time, sorted by when. */
function diagnosticsFolderName(now: Date): string {
  return `FieldGuard-selfcheck-${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`;
}

export function createSelfCheckHandlers(ports: SelfCheckPorts): Pick<Handlers, SelfCheckChannel> {
  const session = () => ports.vault.session();
  const runOrThrow = (id: string) => {
    const run = getRun(session().db, id);
    if (!run) throw new AppError('SELF_CHECK_NOT_FOUND');
    return run;
  };
  return {
    'selfCheck.run': async () => {
      const s = session();
      const { policy, ownership } = loadPolicySetting(s);
      const run = await runSelfCheck(ports.probes, policy, ownership, ports.now);
      s.db.transaction(() => {
        saveRun(s.db, run);
        s.audit.append('selfcheck.run', s.actor(), {
          runId: run.id,
          overall: run.overall,
          policy: policy.name,
          notPassed:
            run.checks
              .filter((c) => c.status !== 'pass')
              .map((c) => `${c.id}:${c.status}`)
              .join(' ') || null,
        });
      })();
      return run;
    },
    'selfCheck.history': () => ({ runs: listRuns(session().db) }),
    'selfCheck.get': ({ id }) => runOrThrow(id),
    'selfCheck.policy': () => loadPolicySetting(session()),
    'selfCheck.setPolicy': ({ policy, ownership }) => {
      const current = loadPolicySetting(session());
      // Changing only the ownership keeps an imported (or default) policy's source.
      const source = policyDigest(policy) === policyDigest(current.policy) ? current.source : 'edited';
      return savePolicySetting(session(), policy, source, ownership);
    },
    'selfCheck.resetPolicy': () =>
      savePolicySetting(session(), DEFAULT_SELF_CHECK_POLICY, 'default', loadPolicySetting(session()).ownership),
    'selfCheck.importPolicy': async () => {
      const s = session();
      const file = await ports.dialogs.pickPolicyFile();
      if (!file) return { imported: false, ...loadPolicySetting(s) };
      const bytes = await readFile(file).catch(() => null);
      if (!bytes || bytes.length > MAX_POLICY_BYTES) throw new AppError('SELF_CHECK_POLICY_INVALID');
      const text = bytes.toString('utf8');
      const policy = parsePolicyFile(text);
      await applyCompanyTrustPolicy(s, JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>, ports.now());
      return { imported: true, ...savePolicySetting(s, policy, 'imported', loadPolicySetting(s).ownership) };
    },
    'selfCheck.issueReport': async ({ id }) => {
      const s = session();
      const run = runOrThrow(id);
      // One report per run: asking again returns the one already issued.
      const existing = reportOf(s.db, run.id);
      if (existing) return existing;
      const { id: certificateId, number } = await issueSelfCheckReport(s, run, ports.now(), ports.fontPath);
      attachCertificate(s.db, run.id, certificateId);
      return { certificateId, number };
    },
    'selfCheck.saveDiagnostics': async () => {
      const parent = await ports.dialogs.pickExportFolder();
      if (!parent) return { saved: false, folder: null, files: 0 };
      const folder = path.join(parent, diagnosticsFolderName(ports.now()));
      const files = await ports.recordDiagnostics(folder).catch(() => {
        throw new AppError('SELF_CHECK_RECORD_UNWRITABLE');
      });
      return { saved: true, folder, files: files.length };
    },
    'selfCheck.readiness': () => {
      const s = session();
      return readiness(s.db, loadPolicySetting(s).policy, ports.now());
    },
    'selfCheck.override': ({ reason, context }) => {
      const s = session();
      const override = recordOverride(s, loadPolicySetting(s).policy, { reason, context }, ports.now());
      return { overrideId: override.id };
    },
  };
}
