/**
 * `fieldguard audit verify`: checks the hash chain and MACs; exit 1 and the broken entry when it
 * is not intact. With `--anchor DOC.pdf` (or its evidence JSON) it also checks that the log still
 * holds, unchanged, the entry the document recorded as the log's position when it was issued
 * (issue 17, audit-log-anchor.ts): a log cut back or rewritten since fails, though its own chain
 * may be intact again. Exit 0 only when everything asked holds.
 */
import { readFile } from 'node:fs/promises';
import { auditAnchorOf } from '../../core/certificates/audit-log-anchor';
import { readCertificateEvidence, verifyCertificate } from '../../core/certificates/verify-certificate';
import { errorMessage } from '../../shared/error-messages';
import { ExitCode, type CliIo, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

type AnchorAnswer =
  | { readonly kind: 'held'; readonly number: string; readonly seq: number }
  | { readonly kind: 'missing'; readonly number: string; readonly seq: number }
  | { readonly kind: 'no-anchor' | 'not-genuine' | 'unreadable'; readonly number: string | null };

const TEXT = {
  ja: {
    held: (n: string, seq: number) => `文書 ${n} が記録した監査ログの位置 #${seq} は、この監査ログに変わらずに残っています。\n`,
    missing: (n: string, seq: number) =>
      `文書 ${n} が記録した監査ログの位置 #${seq} が、この監査ログにありません（記録が削られたか書き換えられたか、別の保管庫の文書です）。\n`,
    'no-anchor': (n: string | null) =>
      `文書 ${n ?? ''} には監査ログの位置がありません（監査ログの位置を記録する前の版で発行された文書です）。\n`,
    'not-genuine': (n: string | null) =>
      `文書 ${n ?? ''} は正規ではないため、監査ログの位置を信用できません（fieldguard verify で理由を確かめてください）。\n`,
    unreadable: () => 'アンカーの文書を読み取れませんでした。\n',
  },
  en: {
    held: (n: string, seq: number) =>
      `The audit log still holds, unchanged, entry #${seq}, which document ${n} recorded as its position.\n`,
    missing: (n: string, seq: number) =>
      `Entry #${seq}, which document ${n} recorded as the log's position, is not in this audit log (entries were cut or rewritten, or the document is from another vault).\n`,
    'no-anchor': (n: string | null) =>
      `Document ${n ?? ''} records no audit log position (it was issued by a version from before such anchors).\n`,
    'not-genuine': (n: string | null) =>
      `Document ${n ?? ''} is not genuine, so its audit log position cannot be relied on (see fieldguard verify for why).\n`,
    unreadable: () => 'The anchor document could not be read.\n',
  },
} as const;

/** What the document says the log's position was, checked for being the document's own signed word first. */
async function readAnchor(file: string): Promise<{ answer: AnchorAnswer } | { number: string; seq: number; sha256: string }> {
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) return { answer: { kind: 'unreadable', number: null } };
  const verification = await verifyCertificate(bytes);
  // Genuine or issuer-unconfirmed: the evidence is intact either way; who certified the signer does not matter here.
  if (verification.status === 'unreadable') return { answer: { kind: 'unreadable', number: null } };
  if (verification.status === 'not-genuine') return { answer: { kind: 'not-genuine', number: verification.number ?? null } };
  const evidence = await readCertificateEvidence(bytes);
  const number = evidence?.payload.number ?? verification.number ?? '';
  const anchor = evidence ? auditAnchorOf(evidence.payload.facts) : null;
  if (!anchor) return { answer: { kind: 'no-anchor', number } };
  return { number, seq: anchor.seq, sha256: anchor.sha256 };
}

function say(io: CliIo, answer: AnchorAnswer): void {
  const text = TEXT[io.language];
  if (answer.kind === 'held' || answer.kind === 'missing') io.stdout(text[answer.kind](answer.number, answer.seq));
  else if (answer.kind === 'unreadable') io.stdout(text.unreadable());
  else io.stdout(text[answer.kind](answer.number));
}

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: { ja: '監査ログの改ざんを検証します', en: 'Verify that the audit log has not been altered' },
  usage: 'audit verify [--anchor DOC.pdf] [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions, anchor: { type: 'string' } },
  async run(args, io) {
    const anchorFile = typeof args.values.anchor === 'string' ? args.values.anchor : null;
    // The document is read before the password is asked: a file that cannot be used says so at once.
    const anchor = anchorFile === null ? null : await readAnchor(anchorFile);
    if (anchor && 'answer' in anchor && anchor.answer.kind === 'unreadable') {
      io.stderr(TEXT[io.language].unreadable());
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const audit = vault.session().audit;
      const result = audit.verify();
      let answer: AnchorAnswer | null = null;
      if (anchor)
        answer =
          'answer' in anchor
            ? anchor.answer
            : { kind: audit.hashAt(anchor.seq) === anchor.sha256 ? 'held' : 'missing', number: anchor.number, seq: anchor.seq };
      if (context.json) {
        printJson(io, answer ? { ...result, anchor: answer } : result);
      } else {
        if (result.intact)
          io.stdout(
            io.language === 'ja'
              ? `監査ログは完全です（${result.entries} 件）。\n`
              : `The audit log is intact (${result.entries} entries).\n`,
          );
        else io.stdout(`${result.problem}: ${errorMessage(result.problem, io.language)} (seq ${result.brokenAt})\n`);
        if (answer) say(io, answer);
      }
      return result.intact && (answer === null || answer.kind === 'held') ? ExitCode.ok : ExitCode.refused;
    } finally {
      vault.lock('manual');
    }
  },
};
