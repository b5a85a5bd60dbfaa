/**
 * Active content in HTML and SVG (10-5): anything a browser or an image viewer built on one
 * would run — script elements, event-handler attributes, javascript: URLs — and, for HTML,
 * frames and plug-in objects that pull in other content; for SVG, <foreignObject>, whose
 * only purpose is to embed HTML. Found by patterns, not parsing: a parser's idea of the
 * document may differ from the browser's, a pattern errs on the blocking side.
 */
import type { Content } from './content-source';
import { scanTextWindows } from './text-scan';

/**
 * Browsers ignore tabs and newlines inside a URL scheme and decode character references
 * in attributes, so "jav&#x61;script:" and "java\tscript:" run too: undo both first.
 */
function normalizeReferences(window: string): string {
  return window.replace(
    /&#x([0-9a-f]{1,6});?|&#(\d{1,7});?|&(tab|newline|colon);/gi,
    (_all, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
      if (named) return { tab: '\t', newline: '\n', colon: ':' }[named.toLowerCase()] ?? '';
      const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    },
  );
}

const SCRIPT_URL = /(?:j[\s\0]*a[\s\0]*v[\s\0]*a|v[\s\0]*b)[\s\0]*s[\s\0]*c[\s\0]*r[\s\0]*i[\s\0]*p[\s\0]*t[\s\0]*:/i;
/** An event-handler attribute: onload=, onclick =, <img/onerror=… */
const EVENT_HANDLER = /[\s"'/]on[a-z]{2,}\s*=/i;
/** Elements with an optional namespace prefix (svg:script). */
const SCRIPT_ELEMENT = /<(?:[\w-]+:)?script[\s>/]/i;
const HTML_EMBEDDING = /<(?:[\w-]+:)?(?:iframe|object|embed|applet)[\s>/]/i;
const FOREIGN_OBJECT = /<(?:[\w-]+:)?foreignObject[\s>/]/i;

/** Which active-content reasons the markup has (patterns found), for tests and the report's detail. */
export async function scanMarkup(content: Content, flavour: 'html' | 'svg', signal?: AbortSignal): Promise<string[]> {
  const reasons = new Set<string>();
  const patterns: [string, RegExp][] = [
    ['script element', SCRIPT_ELEMENT],
    ['event handler', EVENT_HANDLER],
    ['script URL', SCRIPT_URL],
    ['embedded content', HTML_EMBEDDING],
    ...(flavour === 'svg' ? ([['foreignObject', FOREIGN_OBJECT]] as [string, RegExp][]) : []),
  ];
  await scanTextWindows(
    content,
    (window) => {
      const text = normalizeReferences(window);
      for (const [reason, pattern] of patterns) if (pattern.test(text)) reasons.add(reason);
    },
    signal,
  );
  return [...reasons];
}
