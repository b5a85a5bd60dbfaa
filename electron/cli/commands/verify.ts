/**
 * `fieldguard verify FILE [--trust-root ROOT]… [--crl CRL]… [--files DIR] [--json]`: checks a
 * FieldGuard document (PDF or evidence JSON) offline, as a hospital would, and gives one of
 * the three answers (issue 13): 正規 / genuine (exit 0); 改ざんなし・発行者未確認 / intact,
 * issuer not confirmed (exit 1); 不正 / not genuine (exit 1); 2 when the input could not be
 * read. Trust is given to company roots (`--trust-root` a PEM/DER root certificate, a
 * fingerprint, or a file of fingerprints with labels and comments), never to a document.
 * On the engineer's own laptop the vault's trusted roots and CRLs are used too, when its
 * password is given.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultDataDir } from '../../core/app/default-data-dir';
import { NO_ANCHORS, type TrustAnchors } from '../../core/certificates/signer-chain';
import { anchorsFromSources, mergeAnchors, TrustSourceError } from '../../core/certificates/trust-anchors';
import { vaultAnchors } from '../../core/certificates/vault-trust';
import { readCertificateEvidence, verifyCertificate, type CertificateVerification } from '../../core/certificates/verify-certificate';
import { MAX_CERTIFICATE_BYTES } from '../../core/certificates/certificate-handlers';
import {
  comparePrintedCopy,
  parseCertificateQrText,
  type CertificateQr,
  type PrintedCopyAnswer,
} from '../../core/certificates/certificate-qr';
import { readQrFromImage } from '../../core/certificates/printed-copy';
import { evidenceCertificate } from '../../core/certificates/signed-evidence';
import { checkReceivedFiles, deliveredFilesOf, type ReceivedCheck } from '../../core/sanitize/check-received-files';
import type { SigningTime } from '../../shared/certificates';
import { errorMessage } from '../../shared/error-messages';
import { formatDateTime } from '../../shared/format-date';
import type { Language } from '../../shared/locale';
import { ExitCode, type CliIo, type Command, type ParsedArgs } from '../command';
import { printJson, unlockedVault, vaultContext } from '../vault-context';

const TEXT = {
  ja: {
    genuine: '正規: 改ざんはなく、信頼済みの会社ルート証明書につながる証明書で署名されています。',
    'issuer-unconfirmed': '改ざんなし・発行者未確認: 内容は署名されたときのままですが、発行者を確認できません。',
    'not-genuine': '不正: 正規の文書ではありません。',
    unreadable: '証明書として読み取れませんでした。',
    signer: '署名者',
    serial: '署名者の証明書',
    root: '会社ルート証明書',
    notCertified: '会社の認証なし（自己署名の証明書）',
    number: '証明書番号',
    signedAt: '署名時刻',
    laptopClock: 'ノートPCの時計・未検証',
    timestampBy: (tsa: string) => `タイムスタンプ: ${tsa}`,
    documentTimestamp: '文書タイムスタンプ',
    fingerprint: '署名者の証明書の指紋 (SHA-256)',
    validity: '有効期間',
    missing: '検証するファイルを指定してください。',
    trustUnreadable: 'ルート証明書・指紋・失効リストとして読み取れません',
    trustMoved:
      '--trust は使えなくなりました。技術者個人ではなく会社のルート証明書を --trust-root で指定してください（文書から信頼を取ることはしません）。',
    vaultSkipped: '保管庫の信頼済みルート証明書は使っていません（パスワードが入力されていません）。',
    qrUnreadable: '画像から FieldGuard の QR コードを読み取れませんでした。',
    qrFacts: 'QR コードに署名された内容（印刷された内容と照合してください）',
    qrMatches: '印刷物の QR コードはこの文書のものです（文書の署名者が署名した内容が一致します）。',
    qrLegacy: '印刷物の QR コードはこの文書の番号とハッシュを示しています（署名のない旧形式の QR コードです）。',
    qrMismatch: '印刷物の QR コードはこの文書のものではありません（署名または内容が一致しません）。',
    qrAlone: 'QR コードの署名を確かめるには、文書の PDF も指定してください（fieldguard verify DOC.pdf --qr SCAN.png）。',
    fact: {
      n: '証明書番号',
      k: '種類',
      d: '発行日時',
      s: '施設',
      st: '状態',
      c: '件数',
      h: '証拠データ SHA-256',
      f: '署名者の証明書の指紋（先頭）',
    },
  },
  en: {
    genuine: 'Genuine: intact, signed with a certificate that leads to a company root you trust.',
    'issuer-unconfirmed': 'Intact, issuer not confirmed: the content is as it was signed, but who issued it cannot be confirmed.',
    'not-genuine': 'Not genuine.',
    unreadable: 'This file could not be read as a certificate.',
    signer: 'Signer',
    serial: 'Signer certificate',
    root: 'Company root',
    notCertified: 'Not certified by the company (self-signed certificate)',
    number: 'Certificate number',
    signedAt: 'Signed',
    laptopClock: 'laptop clock, not verified',
    timestampBy: (tsa: string) => `timestamped by ${tsa}`,
    documentTimestamp: 'Document timestamp',
    fingerprint: 'Signer certificate fingerprint (SHA-256)',
    validity: 'Valid',
    missing: 'Give the file to verify.',
    trustUnreadable: 'Cannot read as a root certificate, fingerprint or CRL',
    trustMoved:
      '--trust is no longer accepted. Trust the company root with --trust-root, not an engineer (trust is never taken from a document).',
    vaultSkipped: 'The vault’s trusted roots were not used (no password given).',
    qrUnreadable: 'No FieldGuard QR code could be read from the image.',
    qrFacts: 'What the QR code carries, signed (compare it with the printed page)',
    qrMatches: 'The printed QR code belongs to this document (its facts are signed by the document’s signer and match).',
    qrLegacy: 'The printed QR code names this document’s number and hash (an older, unsigned QR code).',
    qrMismatch: 'The printed QR code does not belong to this document (its signature or facts do not match).',
    qrAlone: 'To check the QR code’s signature, give the document’s PDF too (fieldguard verify DOC.pdf --qr SCAN.png).',
    fact: {
      n: 'Certificate number',
      k: 'Kind',
      d: 'Issued',
      s: 'Site',
      st: 'Status',
      c: 'Counts',
      h: 'Evidence SHA-256',
      f: 'Signer certificate fingerprint (start)',
    },
  },
};

function timeText(time: SigningTime, language: Language): string {
  const text = TEXT[language];
  return `${formatDateTime(time.at, language)}（${time.source === 'timestamp' ? text.timestampBy(time.authority ?? '') : text.laptopClock}）`;
}

function printResult(io: CliIo, result: CertificateVerification): void {
  const text = TEXT[io.language];
  const lines = [text[result.status]];
  for (const { ok, reason } of result.checks) if (!ok && reason) lines.push(`  ✗ ${reason}: ${errorMessage(reason, io.language)}`);
  if (result.status === 'unreadable' && result.problem) lines.push(`  ✗ ${result.problem}: ${errorMessage(result.problem, io.language)}`);
  if (result.number) lines.push(`${text.number}: ${result.number}`);
  if (result.signingTime) lines.push(`${text.signedAt}: ${timeText(result.signingTime, io.language)}`);
  for (const stamp of result.documentTimestamps ?? []) lines.push(`${text.documentTimestamp}: ${timeText(stamp, io.language)}`);
  if (result.signer) {
    lines.push(`${text.signer}: ${result.signer.name} (${result.signer.company}, ${result.signer.employeeId})`);
    lines.push(`${text.serial}: ${result.signer.serialNumber} / ${result.signer.issuer}`);
    lines.push(
      `${text.validity}: ${formatDateTime(result.signer.notBefore, io.language)} – ${formatDateTime(result.signer.notAfter, io.language)}`,
    );
    lines.push(`${text.fingerprint}: ${result.signer.fingerprint}`);
  }
  if (result.root) lines.push(`${text.root}: ${result.root.name} (SHA-256 ${result.root.fingerprint})`);
  else if (result.signer && !result.companyCertified) lines.push(`${text.root}: ${text.notCertified}`);
  io.stdout(`${lines.join('\n')}\n`);
}

/** The receiving side of a sanitization report: the folder against the report's signed list of delivered files. */
async function checkFolder(bytes: Buffer, folder: string): Promise<ReceivedCheck | 'not-a-report'> {
  const evidence = await readCertificateEvidence(bytes);
  const delivered = evidence?.payload.kind === 'sanitization' ? deliveredFilesOf(evidence.payload.facts) : null;
  return delivered ? checkReceivedFiles(delivered, folder) : 'not-a-report';
}

function printReceived(io: CliIo, received: ReceivedCheck | 'not-a-report'): void {
  const ja = io.language === 'ja';
  if (received === 'not-a-report') {
    io.stdout(`${errorMessage('SANITIZE_NOT_A_SANITIZATION_REPORT', io.language)}\n`);
    return;
  }
  const lines = [
    received.matches
      ? ja
        ? `フォルダーの ${received.matched.length} 件のファイルは、報告書のとおりです（追加・欠落・変更なし）。`
        : `The folder's ${received.matched.length} files are exactly as the report lists them (nothing added, missing or changed).`
      : ja
        ? 'フォルダーの中身が報告書と一致しません。'
        : 'The folder does not match the report.',
    ...received.changed.map((f) => `  ✗ ${ja ? '変更' : 'changed'}: ${f}`),
    ...received.missing.map((f) => `  ✗ ${ja ? '欠落' : 'missing'}: ${f}`),
    ...received.extra.map((f) => `  ✗ ${ja ? '報告書にない' : 'not in the report'}: ${f}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
}

function printQrFacts(io: CliIo, qr: CertificateQr): void {
  const text = TEXT[io.language];
  const facts = qr.facts;
  const lines = [`${text.qrFacts}:`];
  if (!facts) lines.push(`  ${text.fact.n}: ${qr.number}`, `  ${text.fact.h}: ${qr.evidenceSha256}`);
  else {
    lines.push(`  ${text.fact.n}: ${facts.n}`, `  ${text.fact.k}: ${facts.k}`, `  ${text.fact.d}: ${formatDateTime(facts.d, io.language)}`);
    if (facts.s) lines.push(`  ${text.fact.s}: ${facts.s}`);
    if (facts.st) lines.push(`  ${text.fact.st}: ${facts.st}`);
    if (facts.c)
      lines.push(
        `  ${text.fact.c}: ${Object.entries(facts.c)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    lines.push(`  ${text.fact.h}: ${facts.h}`, `  ${text.fact.f}: ${facts.f}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}

/** The QR code of a photo or scan: null when no FieldGuard QR could be read. */
async function scannedQr(file: string): Promise<CertificateQr | null> {
  const bytes = await readFile(file).catch(() => null);
  const text = bytes ? await readQrFromImage(bytes) : null;
  return text ? parseCertificateQrText(text) : null;
}

function strings(value: ParsedArgs['values'][string]): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

/** The vault's roots and CRLs, when this laptop has a vault and a password is at hand. */
async function anchorsFromVault(args: ParsedArgs, io: CliIo): Promise<TrustAnchors> {
  const explicit = typeof args.values['data-dir'] === 'string';
  const dataDir = explicit ? (args.values['data-dir'] as string) : defaultDataDir(io.env);
  if (!existsSync(path.join(dataDir, 'vault.json'))) return NO_ANCHORS;
  if (!args.values['password-stdin'] && !process.stdin.isTTY) {
    io.stderr(`${TEXT[io.language].vaultSkipped}\n`);
    return NO_ANCHORS;
  }
  const context = vaultContext(args, io);
  const vault = await unlockedVault(context, io);
  try {
    return vaultAnchors(vault.session());
  } finally {
    vault.lock('manual');
  }
}

/** Whether the scanned QR belongs to the verified document: signed by its signer, naming its facts. */
async function comparePrinted(bytes: Buffer, qr: CertificateQr, result: CertificateVerification): Promise<PrintedCopyAnswer> {
  const evidence = await readCertificateEvidence(bytes);
  if (!evidence || !result.signer || !result.evidenceSha256) return 'mismatch';
  return comparePrintedCopy(
    qr,
    evidence,
    { certificateDer: evidenceCertificate(evidence), fingerprint: result.signer.fingerprint },
    result.evidenceSha256,
  );
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: {
    ja: '証明書・報告書 (PDF または証拠 JSON) が正規のものか検証します',
    en: 'Check whether a certificate or report (PDF or evidence JSON) is genuine',
  },
  usage:
    'verify FILE [--trust-root ROOT.pem|FINGERPRINT|FILE]... [--crl CRL]... [--files RECEIVED_FOLDER] [--qr SCAN.png] [--data-dir DIR] [--password-stdin] [--json]',
  options: {
    'trust-root': { type: 'string', multiple: true },
    crl: { type: 'string', multiple: true },
    trust: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    files: { type: 'string' },
    'data-dir': { type: 'string' },
    'password-stdin': { type: 'boolean' },
    qr: { type: 'string' },
  },
  async run(args, io) {
    const text = TEXT[io.language];
    const [file] = args.positionals;
    const qrFile = typeof args.values.qr === 'string' ? args.values.qr : null;
    const qr = qrFile ? await scannedQr(qrFile) : null;
    if (qrFile && !qr) {
      io.stderr(`${text.qrUnreadable}\n`);
      return ExitCode.error;
    }
    if (qr && !file) {
      // Without the document the facts can be shown but the signature cannot be checked.
      if (args.values.json)
        printJson(io, { printedCopy: { answer: 'unchecked', facts: qr.facts ?? { n: qr.number, h: qr.evidenceSha256 } } });
      else {
        printQrFacts(io, qr);
        io.stdout(`${text.qrAlone}\n`);
      }
      return ExitCode.refused;
    }
    if (!file) {
      io.stderr(`${text.missing}\n`);
      return ExitCode.error;
    }
    if (strings(args.values.trust).length > 0) {
      io.stderr(`${text.trustMoved}\n`);
      return ExitCode.error;
    }
    let anchors: TrustAnchors;
    try {
      anchors = mergeAnchors(
        await anchorsFromSources(strings(args.values['trust-root']), strings(args.values.crl)),
        await anchorsFromVault(args, io),
      );
    } catch (error) {
      if (error instanceof TrustSourceError) {
        io.stderr(`${text.trustUnreadable}: ${error.source}\n`);
        return ExitCode.error;
      }
      throw error;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
      if (bytes.length > MAX_CERTIFICATE_BYTES) throw new Error('too large');
    } catch {
      io.stderr(`CERT_UNREADABLE: ${errorMessage('CERT_UNREADABLE', io.language)}\n`);
      return ExitCode.error;
    }
    const result = await verifyCertificate(bytes, anchors);
    const folder = typeof args.values.files === 'string' ? args.values.files : null;
    const received = folder && result.status !== 'unreadable' ? await checkFolder(bytes, folder) : null;
    const printed = qr ? await comparePrinted(bytes, qr, result) : null;
    if (args.values.json)
      printJson(io, {
        ...result,
        ...(received ? { files: received } : {}),
        ...(printed && qr ? { printedCopy: { answer: printed, facts: qr.facts ?? null } } : {}),
      });
    else {
      printResult(io, result);
      if (received) printReceived(io, received);
      if (printed && qr) {
        printQrFacts(io, qr);
        io.stdout(`${printed === 'matches' ? text.qrMatches : printed === 'legacy-matches' ? text.qrLegacy : text.qrMismatch}\n`);
      }
    }
    if (result.status === 'unreadable' || received === 'not-a-report') return ExitCode.error;
    if (result.status !== 'genuine' || (received && !received.matches) || (printed && printed !== 'matches')) return ExitCode.refused;
    return ExitCode.ok;
  },
};
