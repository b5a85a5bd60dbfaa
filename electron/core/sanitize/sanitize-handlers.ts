/**
 * The `sanitize.*` channels. As with erasure, the renderer never names a path: sources and
 * the output folder are handles issued after native dialogs. A run is kept in the vault; the
 * sign-off issues its signed report once; the receiving-side check reads a report and a
 * folder the user picks.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobProgress } from '../../shared/vault';
import { AppError } from '../app-error';
import { laptopAnchors, MAX_CERTIFICATE_BYTES } from '../certificates/certificate-handlers';
import type { VerifyFile } from '../certificates/verify-in-worker';
import { readCertificateEvidence } from '../certificates/verify-certificate';
import type { Dialogs } from '../dialogs';
import type { EmitEvent } from '../events';
import type { Handlers } from '../ipc/router';
import { isCancellation, throttleProgress, type JobRegistry } from '../jobs/job-registry';
import type { VaultService } from '../vault/vault-service';
import { checkReceivedFiles, deliveredFilesOf } from './check-received-files';
import { runSanitization, type Analyze, type SanitizationResult } from './run-sanitization';
import { stagingRoot } from './sanitize-staging';
import { attachSanitizationReport, getSanitization, listSanitizations, reportOfSanitization, saveSanitization } from './sanitization-store';
import { issueSanitizationReport } from './sanitization-report';
import { loadSanitizePolicy, parseReleaseList, saveSanitizePolicy } from './sanitize-policy';
import { walkSources } from './walk-sources';
import type { AntivirusEngine } from './sanitize-types';

type SanitizeChannel = Extract<keyof Handlers, `sanitize.${string}`>;

const MAX_LIST_BYTES = 16 * 1024 * 1024;

export interface SanitizePorts {
  readonly vault: VaultService;
  readonly jobs: JobRegistry;
  readonly dialogs: Dialogs;
  readonly engine: AntivirusEngine;
  /** The certificate verifier (in a worker thread in the app). */
  readonly verify: VerifyFile;
  readonly analyze: Analyze;
  readonly emit: EmitEvent;
  readonly now: () => Date;
  readonly fontPath?: string;
}

interface Source {
  readonly id: string;
  readonly label: string;
  readonly files: number;
  readonly bytes: number;
  readonly path: string;
}

/** The stored (read-only) result as the IPC contract's plain arrays. */
function toWire(result: SanitizationResult) {
  return {
    ...result,
    files: result.files.map(({ removed, ...f }) => ({
      ...f,
      innerTypes: [...f.innerTypes],
      findings: f.findings.map((finding) => ({ ...finding, ...(finding.params ? { params: { ...finding.params } } : {}) })),
      ...(removed ? { removed: removed.map((r) => ({ ...r })) } : {}),
    })),
    policy: { ...result.policy, allowedTypes: [...result.policy.allowedTypes] },
    engineWarnings: (result.engineWarnings ?? []).map((w) => ({ code: w.code, params: { ...w.params } })),
  };
}

export function createSanitizeHandlers(ports: SanitizePorts): Pick<Handlers, SanitizeChannel> {
  const sources = new Map<string, Source>();
  let output: string | null = null;
  const session = () => ports.vault.session();
  const selection = () => ({
    sources: [...sources.values()].map(({ path: _path, ...source }) => source),
    output: output ? path.basename(output) : null,
  });
  const policyView = () => {
    const policy = loadSanitizePolicy(session());
    return {
      allowedTypes: policy.allowedTypes,
      releases: policy.releases.length,
      rebuildBlockTypes: [...(policy.rebuildBlockTypes ?? [])],
    };
  };

  return {
    'sanitize.addSources': async ({ pick }) => {
      session();
      const chosen = await ports.dialogs.pickImportSources(pick);
      for (const file of chosen ?? []) {
        const { files } = await walkSources([file]).catch(() => ({ files: [] }));
        const id = randomUUID();
        sources.set(id, { id, label: file, files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0), path: file });
      }
      return selection();
    },
    'sanitize.removeSource': ({ id }) => {
      sources.delete(id);
      return selection();
    },
    'sanitize.chooseOutput': async () => {
      session();
      output = (await ports.dialogs.pickExportFolder()) ?? output;
      return selection();
    },
    'sanitize.selection': () => selection(),
    'sanitize.start': async ({ jobId }) => {
      const s = session();
      if (sources.size === 0) throw new AppError('SANITIZE_NOTHING_CHOSEN');
      if (!output) throw new AppError('SANITIZE_NO_OUTPUT');
      const chosen = [...sources.values()].map((source) => source.path);
      const outputDir = output;
      const progress = throttleProgress<JobProgress>((value) => ports.emit('job.progress', value));
      const result = await ports.jobs.run(jobId, (signal) =>
        runSanitization(s, chosen, outputDir, {
          stagingDir: stagingRoot(s.dataDir),
          engine: ports.engine,
          policy: loadSanitizePolicy(s),
          analyze: ports.analyze,
          now: ports.now,
          signal,
          onProgress: (p) => progress.report({ jobId, kind: 'sanitize', ...p, step: null }),
        }).catch((error: unknown) => {
          throw isCancellation(error) ? new AppError('JOB_CANCELLED') : error;
        }),
      );
      progress.flush();
      const count = (verdict: string) => result.files.filter((f) => f.verdict === verdict).length;
      s.db.transaction(() => {
        saveSanitization(s.db, result);
        s.audit.append('sanitize.finished', s.actor(), {
          sanitizationId: result.id,
          files: result.files.length,
          passed: count('passed'),
          sanitized: count('sanitized'),
          blocked: count('blocked'),
          engine: result.engine?.engine ?? null,
        });
      })();
      sources.clear();
      output = null;
      return toWire(result);
    },
    'sanitize.history': () => ({ runs: listSanitizations(session().db) }),
    'sanitize.get': ({ id }) => {
      const result = getSanitization(session().db, id);
      if (!result) throw new AppError('SANITIZE_NOT_FOUND');
      return toWire(result);
    },
    'sanitize.signOff': async ({ id, reviewer, recipient }) => {
      const s = session();
      const result = getSanitization(s.db, id);
      if (!result) throw new AppError('SANITIZE_NOT_FOUND');
      const existing = reportOfSanitization(s.db, id);
      if (existing) return existing;
      const { id: certificateId, number } = await issueSanitizationReport(
        s,
        result,
        reviewer || null,
        ports.now(),
        ports.fontPath,
        recipient,
      );
      attachSanitizationReport(s.db, id, certificateId);
      return { certificateId, number };
    },
    'sanitize.policy': () => policyView(),
    'sanitize.setAllowedTypes': ({ allowedTypes }) => {
      const s = session();
      saveSanitizePolicy(s, { ...loadSanitizePolicy(s), allowedTypes: [...new Set(allowedTypes)] });
      return policyView();
    },
    'sanitize.setRebuildBlockTypes': ({ rebuildBlockTypes }) => {
      const s = session();
      saveSanitizePolicy(s, { ...loadSanitizePolicy(s), rebuildBlockTypes: [...new Set(rebuildBlockTypes)] });
      return policyView();
    },
    'sanitize.importReleaseList': async () => {
      const s = session();
      const file = await ports.dialogs.pickReleaseList();
      if (!file) return { imported: false, ...policyView() };
      const bytes = await readFile(file).catch(() => null);
      if (!bytes || bytes.length > MAX_LIST_BYTES) throw new AppError('SANITIZE_RELEASE_LIST_INVALID');
      let releases;
      try {
        releases = parseReleaseList(bytes.toString('utf8'));
      } catch {
        throw new AppError('SANITIZE_RELEASE_LIST_INVALID');
      }
      saveSanitizePolicy(s, { ...loadSanitizePolicy(s), releases });
      return { imported: true, ...policyView() };
    },
    'sanitize.checkReceived': async () => {
      const report = await ports.dialogs.pickCertificateFile();
      const none = { cancelled: true, reportGenuine: null, signerTrusted: null, number: null, check: null };
      if (!report) return none;
      const folder = await ports.dialogs.pickExportFolder();
      if (!folder) return none;
      const bytes = await readFile(report).catch(() => null);
      if (!bytes || bytes.length > MAX_CERTIFICATE_BYTES) throw new AppError('CERT_UNREADABLE');
      const verification = await ports.verify(bytes, laptopAnchors(ports.vault));
      const evidence = await readCertificateEvidence(bytes);
      const delivered = evidence && evidence.payload.kind === 'sanitization' ? deliveredFilesOf(evidence.payload.facts) : null;
      if (!delivered) throw new AppError('SANITIZE_NOT_A_SANITIZATION_REPORT');
      // Intact (answers 1 and 2) is what the folder check needs; whether the issuer is confirmed is said on its own.
      const genuine = verification.status === 'genuine' || verification.status === 'issuer-unconfirmed';
      return {
        cancelled: false,
        reportGenuine: genuine,
        signerTrusted: verification.status === 'genuine',
        number: verification.number ?? null,
        check: await checkReceivedFiles(delivered, folder),
      };
    },
  };
}
