/**
 * Every audit event type has a label in both languages: an entry the Audit screen cannot name
 * shows its raw code (`audit.types.erasure.resumed`), which an auditor reads as a fault of the log.
 */
import { describe, expect, it } from 'vitest';
import { auditEventTypes } from '../../electron/shared/audit';
import en from '../../renderer/src/i18n/en.json';
import ja from '../../renderer/src/i18n/ja.json';

function label(texts: unknown, type: string): unknown {
  return type
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      (texts as { audit: { types: unknown } }).audit.types,
    );
}

describe('audit event labels', () => {
  for (const [language, texts] of [
    ['ja', ja],
    ['en', en],
  ] as const) {
    it(`names every event type in ${language}`, () => {
      const unnamed = auditEventTypes.filter(
        (type) => typeof label(texts, type) !== 'string' || (label(texts, type) as string).trim() === '',
      );
      expect(unnamed).toEqual([]);
    });
  }
});
