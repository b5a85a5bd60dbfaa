/**
 * The end of a medium's life: erasure, linked to the erasure certificate in the vault that
 * proves it (10-1), and disposal (7-10) — who disposed of it, how, and their confirmation
 * that nothing readable remains. A disposed item takes no further step.
 */
import { DisposeRequest, type LedgerItem } from '../../shared/ledger';
import { AppError } from '../app-error';
import { getCertificate } from '../certificates/certificate-store';
import { parseDraft } from '../sites/parse-draft';
import type { VaultSession } from '../vault/vault-session';
import { requireStep } from './item-transitions';
import { requireItem, setStatus } from './ledger-store';

/** Links the medium to an erasure certificate kept in the vault; any other kind, or none, is refused. */
export function recordErasure(session: VaultSession, itemId: string, certificateId: string, now: Date): LedgerItem {
  const { db } = session;
  db.transaction(() => {
    const item = requireItem(db, itemId);
    requireStep('recordErasure', item.status);
    const certificate = getCertificate(db, certificateId);
    if (!certificate) throw new AppError('LEDGER_CERTIFICATE_NOT_FOUND');
    if (certificate.kind !== 'erasure') throw new AppError('LEDGER_CERTIFICATE_NOT_ERASURE');
    db.prepare('UPDATE ledger_items SET erasure_certificate_id = ?, erasure_linked_at = ? WHERE id = ?').run(
      certificate.id,
      now.toISOString(),
      itemId,
    );
    setStatus(db, itemId, 'erased', now);
    session.audit.append('ledger.item-erased', session.actor(), {
      itemId,
      label: item.label,
      certificateId: certificate.id,
      number: certificate.number,
    });
  })();
  return requireItem(db, itemId);
}

export function dispose(session: VaultSession, input: DisposeRequest, now: Date): LedgerItem {
  const request = parseDraft(DisposeRequest, input);
  const { db } = session;
  db.transaction(() => {
    const item = requireItem(db, request.itemId);
    requireStep('dispose', item.status);
    db.prepare(
      'INSERT INTO ledger_disposals (item_id, disposed_at, disposed_by, method, no_readable_data_confirmed, note) VALUES (?, ?, ?, ?, 1, ?)',
    ).run(item.id, now.toISOString(), request.disposedBy, request.method, request.note);
    setStatus(db, item.id, 'disposed', now);
    session.audit.append('ledger.item-disposed', session.actor(), {
      itemId: item.id,
      label: item.label,
      from: item.status,
      method: request.method,
      erasureCertificate: item.erasureCertificate?.number ?? null,
    });
  })();
  return requireItem(db, request.itemId);
}
