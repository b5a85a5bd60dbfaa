/**
 * Inventory discrepancies as an auditor reads them: an item the ledger says we have that the
 * count did not find, a lost item found again, a medium attached but not in the ledger — and
 * no discrepancy where the count agrees with the ledger (including a lost item still missing).
 */
import { describe, expect, it } from 'vitest';
import { inventoryDiscrepancies } from '../../electron/core/ledger/inventory';
import type { InventoryEntry, MediumStatus } from '../../electron/shared/ledger';

function entry(label: string, statusAtStart: MediumStatus, result: InventoryEntry['result'], note = ''): InventoryEntry {
  return {
    itemId: `id-${label}`,
    label,
    type: 'usb-memory',
    serial: '',
    statusAtStart,
    custodianAtStart: '保管庫A',
    result,
    method: result ? 'manual' : null,
    note,
    checkedAt: null,
  };
}

describe('inventory discrepancies', () => {
  it('none when every item is where the ledger says', () => {
    expect(
      inventoryDiscrepancies([entry('A', 'in-store', 'present'), entry('B', 'checked-out', 'present'), entry('C', 'lost', 'missing')], []),
    ).toEqual([]);
  });

  it('missing items whatever their status (except already lost), with their ledger status and the note', () => {
    const found = inventoryDiscrepancies(
      [entry('A', 'in-store', 'missing', '棚に無い'), entry('B', 'at-site', 'missing'), entry('C', 'erased', 'missing')],
      [],
    );
    expect(found.map((d) => [d.kind, d.label])).toEqual([
      ['missing', 'A'],
      ['missing', 'B'],
      ['missing', 'C'],
    ]);
    expect(found[0]!.detail).toBe('台帳: 保管中 / In store（保管庫A） — 棚に無い');
  });

  it('a lost item counted present is "found"; an attached medium not in the ledger is "unregistered"', () => {
    const found = inventoryDiscrepancies([entry('L', 'lost', 'present')], [{ mount: 'E:', serial: 'ZZ99', model: 'Generic Flash Disk' }]);
    expect(found).toEqual([
      { kind: 'found', itemId: 'id-L', label: 'L', detail: '台帳: 紛失 / Lost' },
      { kind: 'unregistered', itemId: null, label: 'E:', detail: 'Generic Flash Disk S/N ZZ99' },
    ]);
  });

  it('an item not yet counted is not a discrepancy (completion refuses it instead)', () => {
    expect(inventoryDiscrepancies([entry('A', 'in-store', null)], [])).toEqual([]);
  });
});
