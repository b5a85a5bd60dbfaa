/**
 * What the sanitization pipeline says about its anti-virus engine and about repeated reasons,
 * in Japanese and English, for the signed report, the CLI and the Sanitize screen alike (one
 * wording everywhere: a site compares the screen with the report it receives).
 * - The engine line names the engine, its database (what, where, when built, how old) and how
 *   many signatures it has: "clean" means little without them.
 * - Repeated reasons are grouped: a 42.zip-style bomb gives the same finding for hundreds of
 *   nested entries, and one line each made a 209-page report. The signed evidence keeps every
 *   finding; the page and the terminal say "× 256, first: a/b/c.zip".
 */
import { formatDateTime } from './format-date';
import { interpolate, pluralText } from './interpolate';
import type { Language } from './locale';
import { findingText, sanitizeTexts } from './sanitize-texts';

export interface EngineFacts {
  readonly engine: string;
  readonly version: string | null;
  readonly databaseVersion: string | null;
  readonly databaseDate: string | null;
  readonly databasePath?: string | null | undefined;
  readonly signatures?: number | null | undefined;
  readonly databaseAgeDays?: number | null | undefined;
  readonly customSignatures?: number | null | undefined;
}

export interface EngineWarningFacts {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface EngineProblemFacts {
  readonly code: string;
  readonly detail: string;
}

const texts = (language: Language) => sanitizeTexts[language].engine;

/** A signature count as the reader's language writes numbers (6,500,000). */
export function signatureCount(count: number, language: Language): string {
  return count.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB');
}

/** How runs before issue 19 stored custom ClamAV signatures inside the version text, in English whatever the language. */
const LEGACY_CUSTOM = /(?:^|, )custom \((\d+) signatures\)$/;

/**
 * The signature database's version in the reader's language: the official databases as the
 * engine names them ("daily 27450, main 62") and the custom signatures counted in words
 * (「独自定義 1 件」); null when the engine named none. Runs stored before the count had its own
 * field carry it as "custom (1 signatures)" in the version text, which is reworded the same way.
 */
export function databaseVersionText(
  engine: Pick<EngineFacts, 'databaseVersion' | 'customSignatures'> | null,
  language: Language,
): string | null {
  if (engine === null) return null;
  let official = engine.databaseVersion ?? '';
  let custom = engine.customSignatures ?? 0;
  const legacy = LEGACY_CUSTOM.exec(official);
  if (legacy) {
    official = official.slice(0, legacy.index);
    custom = Number(legacy[1]);
  }
  const parts = official ? [official] : [];
  if (custom > 0) parts.push(interpolate(pluralText(texts(language), 'custom', custom, language), { n: signatureCount(custom, language) }));
  return parts.length > 0 ? parts.join(language === 'ja' ? '、' : ', ') : null;
}

/** "ClamAV 1.4.6 — database daily 27450, main 62 in /var/lib/clamav, built 2026/12/05 06:00 JST (1 days old), 6 500 000 signatures". */
export function engineLine(engine: EngineFacts | null, engineName: string, language: Language): string {
  const t = texts(language);
  const ja = language === 'ja';
  if (engine === null) return `${t.label}: ${engineName}（${t.unavailable}）`;
  const parts: string[] = [];
  const version = databaseVersionText(engine, language);
  if (version)
    parts.push(
      `${t.database} ${version}${engine.databasePath ? (ja ? `（${engine.databasePath}）` : ` ${t.folder} ${engine.databasePath}`) : ''}`,
    );
  if (engine.databaseDate) {
    const days = engine.databaseAgeDays;
    const ageText = days === undefined || days === null ? '' : interpolate(pluralText(t, 'age', days, language), { days });
    const age = ageText === '' ? '' : ja ? `（${ageText}）` : ` (${ageText})`;
    parts.push(`${t.builtAt} ${formatDateTime(engine.databaseDate, language)}${age}`);
  }
  parts.push(
    typeof engine.signatures === 'number'
      ? interpolate(pluralText(t, 'signatures', engine.signatures, language), { n: signatureCount(engine.signatures, language) })
      : t.signaturesUnknown,
  );
  return `${t.label}: ${`${engine.engine} ${engine.version ?? ''}`.trim()} — ${parts.join(ja ? '、' : ', ')}`;
}

export function engineWarningText(warning: EngineWarningFacts, language: Language): string {
  const warnings = texts(language).warning as Readonly<Record<string, string>>;
  return interpolate(warnings[warning.code] ?? warning.code, warning.params);
}

/** The cause (with the adapter's own detail) and what to do, as two lines. */
export function engineProblemText(problem: EngineProblemFacts, language: Language): { cause: string; advice: string } {
  const t = texts(language);
  const causes = t.problem as Readonly<Record<string, string>>;
  const advice = t.advice as Readonly<Record<string, string>>;
  return { cause: `${causes[problem.code] ?? problem.code}: ${problem.detail}`, advice: advice[problem.code] ?? '' };
}

export interface FindingLike {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly entry?: string;
}

/**
 * The reasons of one file, each distinct reason once, in the order first found: a reason found
 * for several entries is followed by "× N" and the first entry it was found in.
 */
export function groupedFindingTexts(findings: readonly FindingLike[], language: Language): string[] {
  const groups = new Map<string, { first: FindingLike; count: number }>();
  for (const finding of findings) {
    const key = `${finding.code}\u0000${JSON.stringify(finding.params ?? {})}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: finding, count: 1 });
  }
  return [...groups.values()].map(({ first, count }) => {
    if (count === 1) return findingText(first, language);
    const { entry, ...rest } = first;
    const text = findingText(rest, language);
    const where = entry ? (language === 'ja' ? `、最初: ${entry}` : `, first: ${entry}`) : '';
    return language === 'ja' ? `${text} × ${count}${where ? `（${where.slice(1)}）` : ''}` : `${text} × ${count}${where}`;
  });
}
