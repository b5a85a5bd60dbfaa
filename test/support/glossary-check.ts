/**
 * Reads docs/glossary.md (the one place the preferred terms are decided) and checks UI texts
 * against it: terms not to use, ASCII punctuation beside Japanese, and English words left in a
 * Japanese text. The glossary test runs it over the resource files; keeping the rules in the
 * doc means a new term is added in one place, where translators read it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Language = 'ja' | 'en';

export interface AvoidRule {
  readonly preferred: string;
  readonly language: Language;
  readonly pattern: RegExp;
  readonly term: string;
  /** Key prefixes the rule applies to; empty for every text. */
  readonly scope: readonly string[];
}

export interface Glossary {
  readonly rules: readonly AvoidRule[];
  /** Words that may stay in Latin letters inside a Japanese text. */
  readonly latinWords: ReadonlySet<string>;
  /** Commands: from one of these to the next Japanese character is a command line, left as typed. */
  readonly commands: readonly string[];
}

export interface Finding {
  readonly key: string;
  readonly kind: 'avoid' | 'punctuation' | 'latin';
  readonly detail: string;
}

/** Hiragana, katakana, kanji and full-width punctuation: what makes a sentence Japanese. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff01-\uff60]/u;
const PLACEHOLDER = /\{\{[^}]*\}\}/g;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[-.+'][A-Za-z0-9]+)*/g;
/** PDF, USB, SHA-256, WPA2, FG-USB-001: codes, not words to translate. */
const CODE = /^[A-Z0-9]+(?:[-+/][A-Z0-9]+)*$/;
const FILE_NAME = /^[\w-]+(?:\.[\w-]+)*\.(?:json|db|pem|msc|txt|pdf|jp)$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cells(line: string): string[] {
  // A `|` inside a cell (in a regular expression) is written `\|`, as Markdown tables need.
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replace(/\\\|/g, '|').trim());
}

function terms(cell: string): string[] {
  return cell
    .split('、')
    .map((term) => term.trim())
    .filter((term) => term !== '');
}

function section(markdown: string, name: string): string {
  const match = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(markdown);
  if (!match) throw new Error(`docs/glossary.md has no ${name} section`);
  return match[1]!;
}

function avoidPattern(term: string, language: Language): RegExp {
  if (term.length > 2 && term.startsWith('/') && term.endsWith('/')) return new RegExp(term.slice(1, -1), 'u');
  return language === 'en' ? new RegExp(`\\b${escapeRegExp(term)}\\b`, 'iu') : new RegExp(escapeRegExp(term), 'u');
}

/** Parses the glossary's table and its list of words kept in Latin letters. */
export function parseGlossary(markdown: string): Glossary {
  const rows = section(markdown, 'glossary')
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .slice(2)
    .map(cells);
  const rules: AvoidRule[] = [];
  for (const row of rows) {
    const [preferred = '', avoidJa = '', , avoidEn = '', scopeCell = ''] = row;
    const scope = scopeCell === 'すべて' ? [] : terms(scopeCell);
    for (const term of terms(avoidJa)) rules.push({ preferred, language: 'ja', term, pattern: avoidPattern(term, 'ja'), scope });
    for (const term of avoidEn
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean))
      rules.push({ preferred, language: 'en', term, pattern: avoidPattern(term, 'en'), scope });
  }
  const listLines = section(markdown, 'latin')
    .split('\n')
    .filter((line) => line.trim().startsWith('- '));
  const words = (line: string) =>
    line
      .slice(line.indexOf(':') + 1)
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
  const commands = listLines.filter((line) => line.includes('commands:')).flatMap(words);
  return { rules, latinWords: new Set(listLines.flatMap(words)), commands };
}

export function loadGlossary(root: string): Glossary {
  return parseGlossary(readFileSync(path.join(root, 'docs/glossary.md'), 'utf8'));
}

function inScope(key: string, scope: readonly string[]): boolean {
  return scope.length === 0 || scope.some((prefix) => key === prefix || key.startsWith(`${prefix}.`));
}

function neighbour(text: string, from: number, step: 1 | -1): string {
  for (let i = from + step; i >= 0 && i < text.length; i += step) if (text[i] !== ' ') return text[i]!;
  return '';
}

/** An ASCII colon, comma or parenthesis written beside Japanese, where ：、（） belong. */
function asciiPunctuation(text: string): string[] {
  const found: string[] = [];
  const plain = text.replace(PLACEHOLDER, (m) => 'x'.repeat(m.length));
  for (let i = 0; i < plain.length; i += 1) {
    const c = plain[i]!;
    if (!':,()'.includes(c)) continue;
    const before = JAPANESE.test(neighbour(plain, i, -1));
    const after = JAPANESE.test(neighbour(plain, i, 1));
    // 「コロン（:）」 names the character itself.
    if ('（「'.includes(plain[i - 1] ?? '') && '）」'.includes(plain[i + 1] ?? '')) continue;
    // "C:）" and "file:、" are a drive and a scheme: only a colon or comma after Japanese is one.
    if (c === ':' || c === ',' ? before : before || after) found.push(`“${plain.slice(Math.max(0, i - 6), i + 6)}”`);
  }
  return found;
}

/** Latin words in a Japanese text that are not codes, file names, commands or listed words. */
function strayLatin(text: string, glossary: Glossary): string[] {
  const commandLine = new RegExp(
    `(?:${glossary.commands.map(escapeRegExp).join('|')})\\b[^\\u3000-\\u30ff\\u3400-\\u9fff\\uff01-\\uff60]*`,
    'gu',
  );
  const plain = text.replace(PLACEHOLDER, ' ').replace(commandLine, ' ');
  const found: string[] = [];
  for (const match of plain.matchAll(LATIN_WORD)) {
    const word = match[0];
    const before = plain[match.index - 1] ?? '';
    // ".docx", "--resume", "/var/lib": an extension, an option or a path, typed as shown.
    if (before === '.' || before === '-' || before === '/' || plain[match.index + word.length] === '/') continue;
    if (CODE.test(word) || FILE_NAME.test(word) || glossary.latinWords.has(word)) continue;
    found.push(word);
  }
  return found;
}

/** Every finding for one text, named by its key as the app names it. */
export function checkText(key: string, shownText: string, language: Language, glossary: Glossary): Finding[] {
  // A word joiner (U+2060, as in "Wi-\u2060Fi") only keeps a word on one line: the word is the same.
  const text = shownText.replace(/\u2060/g, '');
  const findings: Finding[] = [];
  // {{passed}} names a value, not a word the user reads; the braces stay for rules such as “}} 個”.
  const words = text.replace(PLACEHOLDER, '{{}}');
  for (const rule of glossary.rules) {
    if (rule.language !== language || !inScope(key, rule.scope)) continue;
    if (rule.pattern.test(words)) findings.push({ key, kind: 'avoid', detail: `“${rule.term}” → ${rule.preferred}` });
  }
  if (language === 'ja') {
    for (const detail of asciiPunctuation(text)) findings.push({ key, kind: 'punctuation', detail });
    for (const word of strayLatin(text, glossary)) findings.push({ key, kind: 'latin', detail: word });
  }
  return findings;
}

/** The texts of a resource file as [key, text] pairs, keys prefixed as the app merges them. */
export function textsOf(resource: unknown, prefix: string): [string, string][] {
  if (typeof resource === 'string') return [[prefix, resource]];
  if (typeof resource !== 'object' || resource === null) return [];
  return Object.entries(resource).flatMap(([k, v]) => textsOf(v, prefix ? `${prefix}.${k}` : k));
}
