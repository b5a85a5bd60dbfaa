/**
 * `fieldguard sanitize PATH... --out DIR [--report FILE.pdf] [--reviewer NAME] [--json]`:
 * the sanitization pipeline (10-5, 8-1) from the command line, with the same verdicts,
 * quarantine in the vault and signed report as the Sanitize screen. Exit 0 when nothing was
 * blocked; 1 when something was; 2 on error — including an anti-virus engine that cannot
 * scan (not installed, no database, a database it refuses): then the cause the engine's
 * adapter found and what to do are printed, because "every file blocked" alone does not say
 * what to fix. The engine's line (database, folder, age, signatures) and its warnings are
 * printed with the verdicts; repeated reasons are grouped with their count.
 */
import { lstat, writeFile } from 'node:fs/promises';
import { AppError } from '../../core/app-error';
import { getCertificate } from '../../core/certificates/certificate-store';
import { analyzeFile } from '../../core/sanitize/analyze/analyze-file';
import { escapeName } from '../../core/sanitize/delivered-name';
import { runSanitization } from '../../core/sanitize/run-sanitization';
import { saveSanitization, attachSanitizationReport } from '../../core/sanitize/sanitization-store';
import { issueSanitizationReport } from '../../core/sanitize/sanitization-report';
import { loadSanitizePolicy } from '../../core/sanitize/sanitize-policy';
import { createAntivirusEngine } from '../../platform/antivirus/engine-for-this-os';
import type { Language } from '../../shared/locale';
import { errorMessage } from '../../shared/error-messages';
import {
  engineLine,
  engineProblemText,
  engineWarningText,
  groupedFindingTexts,
  type EngineProblemFacts,
} from '../../shared/sanitize-engine-texts';
import { removedObjectText, verdictName } from '../../shared/sanitize-texts';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

const MARK = { passed: '✓', sanitized: '~', blocked: '✗' } as const;

async function unreadablePaths(paths: readonly string[]): Promise<string[]> {
  const checked = await Promise.all(
    paths.map(async (p) =>
      (await lstat(p).then(
        () => true,
        () => false,
      ))
        ? null
        : p,
    ),
  );
  return checked.filter((p): p is string => p !== null);
}

function engineProblemMessage(problem: EngineProblemFacts, language: Language): string {
  const { cause, advice } = engineProblemText(problem, language);
  return `${cause}\n${advice}\n`;
}

export const sanitizeCommand: Command = {
  name: 'sanitize',
  summary: {
    ja: '施設に渡すファイルを無害化し、署名付きの無害化報告書を発行します',
    en: 'Sanitize files before handing them to a site, and issue the signed sanitization report',
  },
  usage: 'sanitize PATH... --out DIR [--report FILE.pdf] [--reviewer NAME] [--clamav-db DIR] [--data-dir DIR] [--password-stdin] [--json]',
  options: {
    ...vaultOptions,
    out: { type: 'string' },
    report: { type: 'string' },
    reviewer: { type: 'string' },
    'clamav-db': { type: 'string' },
  },
  async run(args, io) {
    const ja = io.language === 'ja';
    const out = typeof args.values.out === 'string' ? args.values.out : null;
    if (args.positionals.length === 0 || !out) {
      io.stderr(
        ja
          ? '無害化するファイル（またはフォルダー）と --out を指定してください。\n'
          : 'Give the files (or folders) to sanitize and --out.\n',
      );
      return ExitCode.error;
    }
    const databaseDir = typeof args.values['clamav-db'] === 'string' ? args.values['clamav-db'] : undefined;
    const engine = createAntivirusEngine(process.platform, databaseDir ? { databaseDir } : {});
    // Before the vault is opened: an engine that cannot scan would only block every file.
    const checked = await engine.check();
    if (!checked.ok) {
      io.stderr(engineProblemMessage(checked.problem, io.language));
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const session = vault.session();
      let result;
      try {
        result = await runSanitization(session, args.positionals, out, {
          engine,
          policy: loadSanitizePolicy(session),
          analyze: analyzeFile,
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // Which chosen path could not be read: the code alone does not say.
        const unreadable = error.code === 'VAULT_SOURCE_UNREADABLE' ? await unreadablePaths(args.positionals) : [];
        io.stderr(`${error.code}: ${errorMessage(error.code, io.language)}${unreadable.map((p) => `\n  ${escapeName(p)}`).join('')}\n`);
        return ExitCode.error;
      }
      const count = (verdict: string) => result.files.filter((f) => f.verdict === verdict).length;
      session.db.transaction(() => {
        saveSanitization(session.db, result);
        session.audit.append('sanitize.finished', session.actor(), {
          sanitizationId: result.id,
          files: result.files.length,
          passed: count('passed'),
          sanitized: count('sanitized'),
          blocked: count('blocked'),
          engine: result.engine?.engine ?? null,
        });
      })();
      let number: string | null = null;
      if (typeof args.values.report === 'string') {
        const reviewer = typeof args.values.reviewer === 'string' ? args.values.reviewer.trim() : null;
        const issued = await issueSanitizationReport(session, result, reviewer, new Date());
        attachSanitizationReport(session.db, result.id, issued.id);
        const stored = getCertificate(session.db, issued.id);
        if (stored) await writeFile(args.values.report, stored.pdf);
        number = issued.number;
      }
      if (context.json) printJson(io, { ...result, report: number });
      else {
        const lines = result.files.map((f) => {
          const name = f.originalPath ? `${f.path} ← ${f.originalPath}` : f.path;
          const removed = (f.removed ?? []).map((r) => `${ja ? '除去' : 'removed'}: ${removedObjectText(r, io.language)}`);
          const reasons = [...groupedFindingTexts(f.findings, io.language), ...removed];
          return `${MARK[f.verdict]} ${verdictName(f.verdict, io.language)}\t${name}${reasons.length ? `\n    ${reasons.join(ja ? '、' : '; ')}` : ''}`;
        });
        lines.push('', engineLine(result.engine, result.engineName, io.language));
        for (const warning of result.engineWarnings ?? []) lines.push(`⚠ ${engineWarningText(warning, io.language)}`);
        lines.push(
          ja
            ? `問題なし ${count('passed')}・無害化済み ${count('sanitized')}・引き渡し不可（隔離） ${count('blocked')}`
            : `no issues found ${count('passed')}, sanitized ${count('sanitized')}, not handed over (quarantined) ${count('blocked')}`,
        );
        if (number) lines.push(`${ja ? '報告書' : 'Report'}: ${number} → ${String(args.values.report)}`);
        io.stdout(`${lines.join('\n')}\n`);
      }
      if (result.engineProblem) {
        io.stderr(engineProblemMessage(result.engineProblem, io.language));
        return ExitCode.error;
      }
      return count('blocked') === 0 ? ExitCode.ok : ExitCode.refused;
    } finally {
      vault.lock('manual');
    }
  },
};
