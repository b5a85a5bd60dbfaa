/**
 * `fieldguard erase TARGET… --site HOSPITAL [--certificate OUT.pdf]`: verified erasure of
 * files and folders (10-1) from the command line, with the same journal, evidence and signed
 * certificate as the Erasure screen. Exit 0 only when every target was erased and verified;
 * 1 when something was not (exceptions are listed); 2 on error.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { getCertificate } from '../../core/certificates/certificate-store';
import { issueErasureCertificate } from '../../core/erasure/erasure-certificate';
import { isErasureMethod } from '../../core/erasure/erasure-methods';
import { auditErasureEnd, planAndAuditErasure, workerErasureRunner } from '../../core/erasure/erasure-workflow';
import { erasureWorkerNextTo } from '../../core/erasure/run-erasure-in-worker';
import packageJson from '../../../package.json' with { type: 'json' };
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

export const eraseCommand: Command = {
  name: 'erase',
  summary: { ja: 'ファイルやフォルダーを上書き消去・検証し、データ消去証明書を発行します', en: 'Overwrite, verify and remove files and folders, and issue the data-erasure certificate' },
  usage: 'erase TARGET... --site HOSPITAL [--department D] [--administrator NAME] [--reference REF] [--method random-verify|zeros-verify|three-pass] [--certificate OUT.pdf] [--data-dir DIR] [--password-stdin] [--json]',
  options: {
    ...vaultOptions,
    method: { type: 'string' },
    site: { type: 'string' },
    department: { type: 'string' },
    administrator: { type: 'string' },
    reference: { type: 'string' },
    certificate: { type: 'string' },
  },
  async run(args, io) {
    const ja = io.language === 'ja';
    const method = typeof args.values.method === 'string' ? args.values.method : 'random-verify';
    const hospital = typeof args.values.site === 'string' ? args.values.site.trim() : '';
    if (args.positionals.length === 0 || !hospital || !isErasureMethod(method)) {
      io.stderr(ja ? '消去する対象、--site、正しい --method を指定してください。\n' : 'Give the targets, --site and a valid --method.\n');
      return ExitCode.error;
    }
    const text = (name: string) => (typeof args.values[name] === 'string' ? String(args.values[name]).trim() : '');
    const site = { hospital, department: text('department'), administrator: text('administrator'), reference: text('reference') };
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const session = vault.session();
      const jobId = await planAndAuditErasure(session, { paths: args.positionals }, { method, site });
      // Built, the CLI finds erasure-worker.js next to its bundle; from source, the TypeScript worker.
      await workerErasureRunner(erasureWorkerNextTo(import.meta.url))(session, jobId);
      const evidence = auditErasureEnd(session, jobId, { toolVersion: packageJson.version });
      let certificate: { id: string; number: string } | null = null;
      if (typeof args.values.certificate === 'string') {
        certificate = await issueErasureCertificate(session, { files: evidence, vault: [], toolVersion: packageJson.version }, site, `${os.hostname()} (${process.platform} ${os.release()})`, null, new Date());
        const stored = getCertificate(session.db, certificate.id);
        if (stored) await writeFile(args.values.certificate, stored.pdf);
      }
      if (context.json) {
        printJson(io, { erasureJobId: jobId, status: evidence.status, totals: evidence.totals, exceptions: evidence.exceptions, certificate: certificate?.number ?? null });
      } else {
        io.stdout(
          `${ja ? '状態' : 'Status'}: ${evidence.status}\n` +
            `${ja ? '消去・検証済みファイル' : 'Files erased and verified'}: ${evidence.totals.filesErased} / ${evidence.totals.files}\n` +
            evidence.exceptions.map((e) => `  ✗ ${e.path}: ${e.code} ${e.description}\n`).join('') +
            (certificate ? `${ja ? '証明書' : 'Certificate'}: ${certificate.number} → ${String(args.values.certificate)}\n` : ''),
        );
      }
      return evidence.status === 'erased' ? ExitCode.ok : ExitCode.refused;
    } finally {
      vault.lock('manual');
    }
  },
};
