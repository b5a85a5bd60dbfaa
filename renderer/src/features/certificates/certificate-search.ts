/**
 * Finding one's own documents by what the engineer remembers of the visit: the site's name, the
 * visit or work-order number, the certificate's number or its kind. Any part matches, in any
 * letter case and in either width (ＡＢＣ１２３ as abc123), so a number typed in full-width as
 * Japanese input often leaves it is found too.
 */
import type { CertificateSummary } from '@shared/certificates';

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The certificates whose site, visit reference, number or title contains every word of the query; all of them for a blank query. */
export function searchCertificates(list: readonly CertificateSummary[], query: string): CertificateSummary[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...list];
  return list.filter((certificate) => {
    const haystack = normalise(
      [certificate.site ?? '', certificate.visitReference ?? '', certificate.number, certificate.title.ja, certificate.title.en].join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  });
}
