/**
 * Active content in an Office Open XML package that no part name gives away: what its
 * relationships (.rels parts) make Office fetch or run — a template from a server, an OLE
 * object linked from outside (CVE-2017-0199), a hyperlink that starts a program
 * (ppaction://program, file:, \\host) — imported chunks (altChunk), and DDE in the parts'
 * XML (DDEAUTO fields in Word, ddeLink and `cmd|'…'!A0` formulas in Excel). Parts are
 * scanned as text in overlapping windows, so memory stays flat and an element cut by a
 * chunk boundary is still seen whole.
 */
import type { FindingCode } from '../sanitize-types';
import type { Content } from './content-source';
import { scanTextWindows } from './text-scan';

export type PackageFinding = { readonly code: FindingCode; readonly params: Record<string, string> };

/** Targets are shown to the user as written, but never at any length. */
const MAX_TARGET_CHARS = 200;
/** Schemes a document may link to without starting anything on the machine. */
const WEB_LINK = /^(?:https?:\/\/|mailto:)/i;

/** Whether a link only opens a web page or a mail (anything else can start a program or open a local file). */
export function isWebLink(target: string): boolean {
  return WEB_LINK.test(target.trim());
}
/** Relationship types that are only a hyperlink (a click, nothing fetched on opening). */
const HYPERLINK_TYPES = new Set(['hyperlink']);

function decodeXml(value: string): string {
  return value.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi,
    (_all, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
      if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] ?? '';
      const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    },
  );
}

function attribute(element: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(element);
  return match ? decodeXml(match[2] ?? match[3] ?? '') : null;
}

function shown(target: string): string {
  return target.length > MAX_TARGET_CHARS ? `${target.slice(0, MAX_TARGET_CHARS)}…` : target;
}

/** What one <Relationship> element makes Office do, if anything worth blocking. */
export function relationshipFinding(element: string, part: string): PackageFinding | null {
  const type = (attribute(element, 'Type') ?? '').split('/').pop() ?? '';
  const target = (attribute(element, 'Target') ?? '').trim();
  const external = (attribute(element, 'TargetMode') ?? '').toLowerCase() === 'external';
  if (type.toLowerCase() === 'afchunk') return { code: 'OFFICE_ALTCHUNK', params: { part } };
  if (!external) return null;
  if (HYPERLINK_TYPES.has(type.toLowerCase()))
    return WEB_LINK.test(target) ? null : { code: 'OFFICE_DANGEROUS_LINK', params: { part, target: shown(target) } };
  // Fetched on opening, wherever from: the content is not in the file that was checked.
  if (type === 'oleObject') return { code: 'OFFICE_EXTERNAL_OBJECT', params: { part, target: shown(target) } };
  if (type === 'attachedTemplate') return { code: 'OFFICE_REMOTE_TEMPLATE', params: { part, target: shown(target) } };
  if (!WEB_LINK.test(target)) return { code: 'OFFICE_DANGEROUS_LINK', params: { part, target: shown(target) } };
  return { code: 'OFFICE_EXTERNAL_RELATIONSHIP', params: { part, relationship: type || 'unknown', target: shown(target) } };
}

const RELATIONSHIP = /<(?:[\w-]+:)?Relationship\b[^>]*>/gi;
const INSTRUCTION_TEXT = /<(?:[\w-]+:)?instrText\b[^>]*>([^<]*)</gi;
const SIMPLE_FIELD = /<(?:[\w-]+:)?fldSimple\b[^>]*>/gi;
const DDE_INSTRUCTION = /^\W*DDE(?:AUTO)?\b/i;
const DDE_LINK = /<(?:[\w-]+:)?ddeLink\b/i;
/** A cell formula that calls another program through DDE: `cmd|' /C calc'!A0`, `=MSEXCEL|'\..\..\cmd'!''`. */
const DDE_FORMULA = /<(?:[\w-]+:)?f\b[^>]*>[^<]*[\w.]+\s*\|\s*(?:'|&apos;|&#39;)[^<]*!/i;
/** PowerPoint actions that run something: a program or a macro. */
const PROGRAM_ACTION = /\saction\s*=\s*["'](ppaction:\/\/(?:program|macro)[^"']*)["']/i;

/**
 * What nested QUOTE fields spell: `QUOTE 68 68 69 65 85 84 79` is "DDEAUTO", the way DDE
 * payloads hide their instruction from a search for the word.
 */
function quotedCharacters(instruction: string): string {
  // Only the first characters matter (an instruction starts with its name), so a huge list costs nothing.
  return [...instruction.matchAll(/QUOTE((?:\s+\d{1,5})+)/gi)]
    .map((match) => String.fromCharCode(...(match[1] ?? '').trim().split(/\s+/).slice(0, 64).map(Number)))
    .join(' ');
}

/**
 * The findings of one part: relationships for a .rels part; DDE fields, DDE links and
 * program actions for the XML parts.
 */
export async function scanPackagePart(part: string, content: Content, signal?: AbortSignal): Promise<PackageFinding[]> {
  const found = new Map<string, PackageFinding>();
  const add = (finding: PackageFinding | null) => {
    if (finding) found.set(JSON.stringify(finding), finding);
  };
  const lower = part.toLowerCase();
  if (lower.endsWith('.rels')) {
    await scanTextWindows(
      content,
      (window) => {
        for (const match of window.matchAll(RELATIONSHIP)) add(relationshipFinding(match[0], part));
      },
      signal,
    );
    return [...found.values()];
  }
  if (!lower.endsWith('.xml') && !lower.endsWith('.vml')) return [];
  await scanTextWindows(
    content,
    (window) => {
      // The patterns run only where their element or attribute occurs at all (a part is mostly text runs).
      if (window.includes('instrText') || window.includes('fldSimple')) {
        // Word splits a field's instruction over several runs ("DD" + "EAUTO …"): joined, as Word reads it.
        const instruction = [...window.matchAll(INSTRUCTION_TEXT)].map((match) => decodeXml(match[1] ?? '')).join('');
        const simple = [...window.matchAll(SIMPLE_FIELD)].map((match) => attribute(match[0], '(?:[\\w-]+:)?instr') ?? '');
        const spelled = [instruction, ...simple].map(quotedCharacters).join(' ');
        if (
          DDE_INSTRUCTION.test(instruction) ||
          /\bDDE(?:AUTO)?\s/i.test(instruction) ||
          simple.some((text) => DDE_INSTRUCTION.test(text)) ||
          /\bDDE(?:AUTO)?\b/i.test(spelled)
        )
          add({ code: 'OFFICE_DDE', params: { part } });
      }
      if (DDE_LINK.test(window) || (window.includes('|') && DDE_FORMULA.test(window))) add({ code: 'OFFICE_DDE', params: { part } });
      const action = window.includes('ppaction') ? PROGRAM_ACTION.exec(window) : null;
      if (action) add({ code: 'OFFICE_DANGEROUS_LINK', params: { part, target: shown(decodeXml(action[1] ?? '')) } });
    },
    signal,
  );
  return [...found.values()];
}
