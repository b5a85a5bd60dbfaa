/**
 * The security office's check of the company archive (issue 20), without any laptop: every
 * document verified with the company trust roots (the same verifier and the same three
 * answers as `fieldguard verify`), its evidence JSON matched with the PDF's, each engineer's
 * anchors checked to move only forward (a laptop rolled back and synced again shows as an
 * anchor going backwards), and the certificate numbers counted for gaps — numbers run per
 * engineer, kind and year, so a number missing between two archived ones, or after the last
 * archived one but before the number an anchor says was issued, is a document not archived.
 * A number taken for a certificate that then failed to issue is also a gap: the office is
 * told, and looks into it, rather than told nothing.
 */
import { createHash } from 'node:crypto';
import type { CertificateKind } from '../certificates/certificate-document';
import { certificateKindCodes } from '../certificates/certificate-numbering';
import type { TrustAnchors } from '../certificates/signer-chain';
import { verifyCertificate } from '../certificates/verify-certificate';
import type { VerificationStatus } from '../../shared/certificates';
import { parseAnchor, verifyAnchor } from './archive-anchor';
import { parseArchiveKey, parseCertificateNumber, type ParsedKey } from './archive-keys';
import type { ArchiveStore } from './archive-store';

export type DocumentProblem =
  'not-genuine' | 'issuer-unconfirmed' | 'pdf-missing' | 'evidence-missing' | 'evidence-mismatch' | 'number-mismatch';
export type AnchorProblem = 'unreadable' | 'signature-invalid' | 'signer-not-trusted' | 'audit-went-back' | 'numbers-went-back';

export interface ArchivedDocumentCheck {
  readonly key: string;
  readonly company: string;
  readonly engineer: string;
  readonly kind: CertificateKind;
  readonly number: string;
  readonly status: VerificationStatus | 'missing';
  readonly problems: readonly DocumentProblem[];
}

export interface ArchiveVerification {
  readonly documents: readonly ArchivedDocumentCheck[];
  /** Numbers with no document: `<employee>-<code>-<year>-<sequence>` (the random part cannot be known). */
  readonly missingNumbers: ReadonlyArray<{ readonly engineer: string; readonly kind: CertificateKind; readonly number: string }>;
  readonly anchors: { readonly count: number; readonly problems: ReadonlyArray<{ readonly key: string; readonly problem: AnchorProblem }> };
  readonly unknownKeys: readonly string[];
  readonly summary: {
    readonly documents: number;
    readonly genuine: number;
    readonly issuerUnconfirmed: number;
    readonly notGenuine: number;
    readonly missingNumbers: number;
    readonly anchorProblems: number;
  };
  /** True only on positive evidence: every document genuine, no number missing, every anchor sound. */
  readonly ok: boolean;
}

export interface VerifyArchiveOptions {
  readonly prefix: string;
  readonly company?: string;
  readonly engineer?: string;
  readonly trust: TrustAnchors;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Where the listing starts: the whole archive, one company, or one engineer. */
export function listingPrefix(options: Pick<VerifyArchiveOptions, 'prefix' | 'company' | 'engineer'>): string {
  if (!options.company) return `${options.prefix}/`;
  return options.engineer ? `${options.prefix}/${options.company}/${options.engineer}/` : `${options.prefix}/${options.company}/`;
}

async function checkDocument(
  store: ArchiveStore,
  parsed: ParsedKey,
  keys: { pdf?: string; json?: string },
  trust: TrustAnchors,
  signal?: AbortSignal,
): Promise<ArchivedDocumentCheck> {
  const base = {
    key: keys.pdf ?? keys.json ?? '',
    company: parsed.company,
    engineer: parsed.engineer,
    kind: parsed.kind as CertificateKind,
    number: parsed.name,
  };
  const pdf = keys.pdf ? await store.getObject(keys.pdf, undefined, signal) : null;
  if (!pdf) return { ...base, status: 'missing', problems: ['pdf-missing'] };
  const verification = await verifyCertificate(pdf, trust);
  const problems: DocumentProblem[] = [];
  if (verification.status === 'issuer-unconfirmed') problems.push('issuer-unconfirmed');
  else if (verification.status !== 'genuine') problems.push('not-genuine');
  if (verification.number !== parsed.name || verification.kind !== parsed.kind) problems.push('number-mismatch');
  const json = keys.json ? await store.getObject(keys.json, undefined, signal) : null;
  if (!json) problems.push('evidence-missing');
  else if (sha256(json) !== verification.evidenceSha256) problems.push('evidence-mismatch');
  return { ...base, status: verification.status, problems };
}

export async function verifyArchive(store: ArchiveStore, options: VerifyArchiveOptions): Promise<ArchiveVerification> {
  const { signal, trust } = options;
  const listed = await store.listObjects(listingPrefix(options), signal);
  const documents = new Map<string, { parsed: ParsedKey; pdf?: string; json?: string }>();
  const anchorKeys = new Map<string, string[]>();
  const unknownKeys: string[] = [];
  for (const { key } of listed) {
    const parsed = parseArchiveKey(options.prefix, key);
    if (!parsed) unknownKeys.push(key);
    else if (parsed.kind === 'anchors') {
      const engineer = `${parsed.company}/${parsed.engineer}`;
      anchorKeys.set(engineer, [...(anchorKeys.get(engineer) ?? []), key]);
    } else {
      const id = `${parsed.company}/${parsed.engineer}/${parsed.name}`;
      const entry = documents.get(id) ?? { parsed };
      documents.set(id, { ...entry, [parsed.part]: key });
    }
  }

  const checks: ArchivedDocumentCheck[] = [];
  let done = 0;
  for (const entry of documents.values()) {
    if (signal?.aborted) break;
    checks.push(await checkDocument(store, entry.parsed, entry, trust, signal));
    options.onProgress?.((done += 1), documents.size);
  }

  // Anchors, in the order they were made (their keys sort by time), and the highest number each says was issued.
  const anchorProblems: Array<{ key: string; problem: AnchorProblem }> = [];
  const issuedUpTo = new Map<string, number>();
  const seriesKey = (engineer: string, kind: CertificateKind, year: number) => `${engineer}|${kind}|${year}`;
  let anchorCount = 0;
  for (const [engineer, keys] of anchorKeys) {
    let lastSeq = 0;
    const lastNumbers = new Map<string, number>();
    for (const key of keys.sort()) {
      anchorCount += 1;
      const anchor = parseAnchor((await store.getObject(key, undefined, signal)) ?? Buffer.alloc(0));
      if (!anchor) {
        anchorProblems.push({ key, problem: 'unreadable' });
        continue;
      }
      const checked = await verifyAnchor(anchor, trust);
      if (!checked.signatureValid) anchorProblems.push({ key, problem: 'signature-invalid' });
      else if (checked.chain !== 'trusted') anchorProblems.push({ key, problem: 'signer-not-trusted' });
      const seq = anchor.payload.auditHead?.seq ?? 0;
      if (seq < lastSeq) anchorProblems.push({ key, problem: 'audit-went-back' });
      lastSeq = Math.max(lastSeq, seq);
      let numbersBack = false;
      for (const number of Object.values(anchor.payload.lastNumbers)) {
        const parsed = number ? parseCertificateNumber(number) : null;
        if (!parsed) continue;
        const series = seriesKey(engineer.split('/')[1] ?? '', parsed.kind, parsed.year);
        if ((lastNumbers.get(series) ?? 0) > parsed.sequence) numbersBack = true;
        lastNumbers.set(series, Math.max(lastNumbers.get(series) ?? 0, parsed.sequence));
        issuedUpTo.set(series, Math.max(issuedUpTo.get(series) ?? 0, parsed.sequence));
      }
      if (numbersBack) anchorProblems.push({ key, problem: 'numbers-went-back' });
    }
  }

  // Numbers: every sequence from 1 to the highest seen (in a document or an anchor) must be archived.
  const present = new Map<string, Set<number>>();
  for (const check of checks) {
    const parsed = parseCertificateNumber(check.number);
    if (!parsed) continue;
    const series = seriesKey(check.engineer, parsed.kind, parsed.year);
    present.set(series, (present.get(series) ?? new Set()).add(parsed.sequence));
    issuedUpTo.set(series, Math.max(issuedUpTo.get(series) ?? 0, parsed.sequence));
  }
  const missingNumbers: Array<{ engineer: string; kind: CertificateKind; number: string }> = [];
  for (const [series, upTo] of [...issuedUpTo].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [engineer, kind, year] = series.split('|') as [string, CertificateKind, string];
    const seen = present.get(series) ?? new Set();
    for (let sequence = 1; sequence <= upTo; sequence += 1) {
      if (!seen.has(sequence))
        missingNumbers.push({
          engineer,
          kind,
          number: `${engineer}-${certificateKindCodes[kind]}-${year}-${String(sequence).padStart(6, '0')}`,
        });
    }
  }

  const count = (status: ArchivedDocumentCheck['status']) => checks.filter((c) => c.status === status).length;
  const summary = {
    documents: checks.length,
    genuine: count('genuine'),
    issuerUnconfirmed: count('issuer-unconfirmed'),
    notGenuine: checks.length - count('genuine') - count('issuer-unconfirmed'),
    missingNumbers: missingNumbers.length,
    anchorProblems: anchorProblems.length,
  };
  const ok = !signal?.aborted && checks.every((c) => c.problems.length === 0) && missingNumbers.length === 0 && anchorProblems.length === 0;
  return { documents: checks, missingNumbers, anchors: { count: anchorCount, problems: anchorProblems }, unknownKeys, summary, ok };
}
