/**
 * The periodic account review (14-7: review IDs regularly, delete the unneeded): the engineer
 * decides keep, disable or delete for every maintenance account across every site — a review
 * that skips one is refused — and the decisions are applied and recorded together: disabled
 * accounts are marked, deleted ones removed with their sealed password (secure_delete, WAL
 * truncated), everyone's next review moves six months on. The record keeps who reviewed, when,
 * and per account its user name, site, system, decision and note; never a password.
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { AccountReview, ReviewDecision } from '../../shared/sites';
import { AppError } from '../app-error';
import type { VaultSession } from '../vault/vault-session';
import { checkpoint, deleteAccountRow } from './account-store';
import { parseDraft } from './parse-draft';
import { nextReviewAfter } from './review-schedule';

interface ReviewedAccount {
  readonly accountId: string;
  readonly systemId: string;
  readonly userName: string;
  readonly site: string;
  readonly system: string;
}

function everyAccount(db: VaultDatabase): ReviewedAccount[] {
  return db
    .prepare(
      `SELECT a.id AS accountId, a.system_id AS systemId, a.user_name AS userName, s.name AS site, y.product AS system
       FROM maintenance_accounts a JOIN systems y ON y.id = a.system_id JOIN sites s ON s.id = y.site_id
       ORDER BY s.name, y.product, a.user_name, a.id`,
    )
    .all() as ReviewedAccount[];
}

export function recordReview(session: VaultSession, input: readonly ReviewDecision[], now: Date): AccountReview {
  const decisions = parseDraft(ReviewDecision.array().min(1), input);
  const { db } = session;
  const byAccount = new Map(decisions.map((d) => [d.accountId, d]));
  const review = db.transaction((): AccountReview => {
    const accounts = everyAccount(db);
    const known = new Set(accounts.map((a) => a.accountId));
    if (decisions.some((d) => !known.has(d.accountId))) throw new AppError('ACCOUNT_NOT_FOUND');
    // One decision per account, for every account: a duplicate or a gap is an incomplete review.
    if (byAccount.size !== decisions.length || accounts.some((a) => !byAccount.has(a.accountId)))
      throw new AppError('ACCOUNT_REVIEW_INCOMPLETE');

    const id = randomUUID();
    const reviewedAt = now.toISOString();
    const nextReview = nextReviewAfter(now);
    const reviewer = session.actor();
    const keep = db.prepare('UPDATE maintenance_accounts SET next_review_at = ?, updated_at = ? WHERE id = ?');
    const disable = db.prepare('UPDATE maintenance_accounts SET disabled = 1, next_review_at = ?, updated_at = ? WHERE id = ?');
    const counts = { keep: 0, disable: 0, delete: 0 };
    const recorded = accounts.map((account) => {
      const { decision, note } = byAccount.get(account.accountId) as ReviewDecision;
      counts[decision] += 1;
      if (decision === 'keep') keep.run(nextReview, reviewedAt, account.accountId);
      else if (decision === 'disable') disable.run(nextReview, reviewedAt, account.accountId);
      else {
        deleteAccountRow(db, account.accountId);
        session.audit.append('account.removed', reviewer, { accountId: account.accountId, systemId: account.systemId, reviewId: id });
      }
      return { accountId: account.accountId, userName: account.userName, site: account.site, system: account.system, decision, note };
    });
    db.prepare('INSERT INTO account_reviews (id, reviewed_at, reviewer, decisions) VALUES (?, ?, ?, ?)').run(
      id,
      reviewedAt,
      reviewer,
      JSON.stringify(recorded),
    );
    session.audit.append('account.reviewed', reviewer, {
      reviewId: id,
      accounts: recorded.length,
      kept: counts.keep,
      disabled: counts.disable,
      deleted: counts.delete,
      nextReviewAt: nextReview,
    });
    return { id, reviewedAt, reviewer, decisions: recorded };
  })();
  if (review.decisions.some((d) => d.decision === 'delete')) checkpoint(db);
  return review;
}

/** Newest first. */
export function listReviews(db: VaultDatabase, limit = 200): AccountReview[] {
  const rows = db
    .prepare('SELECT id, reviewed_at AS reviewedAt, reviewer, decisions FROM account_reviews ORDER BY reviewed_at DESC, rowid DESC LIMIT ?')
    .all(limit) as Array<{
    id: string;
    reviewedAt: string;
    reviewer: string;
    decisions: string;
  }>;
  return rows.map((row) => AccountReview.parse({ ...row, decisions: JSON.parse(row.decisions) as unknown }));
}
