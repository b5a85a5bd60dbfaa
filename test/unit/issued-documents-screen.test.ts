/**
 * What the Certificates and Self-check screens compute for issue 19: finding one's documents by
 * site, visit or number (in either width, any case); a path split for its middle ellipsis so the
 * file name stays in view; every evidence value that has a word has it in both languages; and
 * the built-in policy named in the screen's language only.
 */
import { describe, expect, it } from 'vitest';
import type { CertificateSummary } from '../../electron/shared/certificates';
import { DEFAULT_SELF_CHECK_POLICY } from '../../electron/shared/self-check';
import { splitForMiddleEllipsis } from '../../renderer/src/components/middle-ellipsis';
import { searchCertificates } from '../../renderer/src/features/certificates/certificate-search';
import { WORDED_VALUES } from '../../renderer/src/features/self-check/evidence-values';
import { texts } from '../../renderer/src/i18n/texts';

const certificate = (number: string, site: string | null, visitReference: string | null): CertificateSummary => ({
  id: number,
  number,
  kind: 'erasure',
  issuedAt: '2026-12-01T01:00:00.000Z',
  title: { ja: 'データ消去証明書', en: 'Data Erasure Certificate' },
  signerFingerprint: 'ab',
  evidenceSha256: 'cd',
  storedAt: '2026-12-01T01:00:00.000Z',
  companyCertified: false,
  site,
  visitReference,
});

describe('searching the issued documents', () => {
  const list = [
    certificate('E-20417-ER-2026-000001-AAAAAA', '東都病院 放射線科', 'WO-2026-1126'),
    certificate('E-20417-ER-2026-000002-BBBBBB', '西日本クリニック', null),
    certificate('E-20417-LG-2026-000001-CCCCCC', null, null),
  ];
  const numbers = (query: string) => searchCertificates(list, query).map((c) => c.number.slice(-6));

  it('finds by part of the site, the visit number or the certificate number; a blank query shows all', () => {
    expect(numbers('東都')).toEqual(['AAAAAA']);
    expect(numbers('wo-2026')).toEqual(['AAAAAA']);
    expect(numbers('LG-2026')).toEqual(['CCCCCC']);
    expect(numbers('  ')).toEqual(['AAAAAA', 'BBBBBB', 'CCCCCC']);
  });

  it('reads a number typed in full width as the same number, and needs every word typed', () => {
    expect(numbers('ＷＯ－２０２６－１１２６')).toEqual(['AAAAAA']);
    expect(numbers('東都 1126')).toEqual(['AAAAAA']);
    expect(numbers('西日本 1126')).toEqual([]);
  });
});

describe('a path with its middle left out', () => {
  it('keeps a short file name whole at the end', () => {
    expect(splitForMiddleEllipsis('C:\\Users\\yamada\\Documents\\FieldGuard\\E-20417.pdf')).toEqual({
      head: 'C:\\Users\\yamada\\Documents\\FieldGuard',
      tail: '\\E-20417.pdf',
    });
  });

  it('keeps the last 16 characters of a long name, and shows a short path whole', () => {
    const long = '/media/usb/受け取ったファイル_東都病院_放射線科_2026年12月分.zip';
    const { head, tail } = splitForMiddleEllipsis(long);
    expect(tail).toBe(long.slice(-16));
    expect(head + tail).toBe(long);
    expect(splitForMiddleEllipsis('a.txt')).toEqual({ head: '', tail: 'a.txt' });
  });
});

describe('evidence values in words', () => {
  it('has a word for every printed value it recognises, different from the raw value, in Japanese and English', () => {
    for (const language of ['ja', 'en'] as const) {
      const values = texts[language].selfCheck.evidence.values as Readonly<Record<string, string>>;
      for (const value of [...WORDED_VALUES, 'null']) expect(values[value], `${language}: ${value}`).toBeTruthy();
    }
    expect(texts.ja.selfCheck.evidence.values.notconfigured).toBe('未設定');
    expect(texts.ja.selfCheck.evidence.values.true).toBe('はい');
  });

  it('names the built-in policy in one language on each screen, though it is stored in both', () => {
    expect(DEFAULT_SELF_CHECK_POLICY.name).toBe('既定 / Default');
    expect(texts.ja.selfCheck.defaultPolicyName).toBe('既定');
    expect(texts.en.selfCheck.defaultPolicyName).toBe('Default');
  });
});
