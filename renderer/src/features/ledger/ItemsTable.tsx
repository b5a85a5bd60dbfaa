/**
 * The items on record: asset number (opens the item) and type, make, model and serial,
 * capacity and encryption, owner, purchase date and warranty end, who holds it now (with the
 * return date while it is out) and the status as an icon and a word.
 */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { strictLineBreaking } from '../../components/table-cells';
import { RecordsTable, type RecordsColumn } from '../sites/RecordsTable';
import { StatusBadge } from './StatusBadge';
import { hrefOf } from './ledger-route';
import type { LedgerItem } from './use-ledger';
import { useLedgerTexts } from './use-ledger-texts';

const useStyles = makeStyles({
  // Sized so that the table fits a 1280-pixel window beside the menu; narrower, it scrolls sideways.
  label: { width: '96px' },
  capacity: { width: '128px' },
  owner: { width: '88px' },
  dates: { width: '136px' },
  custody: { width: '120px' },
  status: { width: '96px' },
  cell: { ...strictLineBreaking, paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export function ItemsTable({ items, labelledBy }: { items: readonly LedgerItem[]; labelledBy: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const stack = (first: string, second: string | null, monoSecond = false) => (
    <div className={styles.stack}>
      <Text>{first}</Text>
      {second !== null && (
        <Text size={200} className={monoSecond ? `${styles.muted} ${styles.mono}` : styles.muted}>
          {second}
        </Text>
      )}
    </div>
  );
  const columns: RecordsColumn<LedgerItem>[] = [
    {
      id: 'label',
      header: t('ledger.columns.label'),
      headerClassName: styles.label,
      cellClassName: styles.cell,
      cell: (item) => (
        <div className={styles.stack}>
          <Link href={hrefOf({ view: 'item', itemId: item.id })}>{item.label}</Link>
          <Text size={200} className={styles.muted}>
            {texts.type(item.type)}
          </Text>
        </div>
      ),
    },
    {
      id: 'device',
      header: t('ledger.columns.device'),
      cellClassName: styles.cell,
      cell: (item) =>
        stack(
          texts.or([item.make, item.model].filter((part) => part.trim() !== '').join(' ')),
          item.serial ? t('ledger.columns.serialValue', { serial: item.serial }) : null,
          true,
        ),
    },
    {
      id: 'capacity',
      header: t('ledger.columns.capacity'),
      headerClassName: styles.capacity,
      cellClassName: styles.cell,
      cell: (item) => stack(texts.bytes(item.capacityBytes), texts.encryption(item.encryption)),
    },
    {
      id: 'owner',
      header: t('ledger.columns.owner'),
      headerClassName: styles.owner,
      cellClassName: styles.cell,
      cell: (item) => <Text>{texts.or(item.owner)}</Text>,
    },
    {
      id: 'dates',
      header: t('ledger.columns.dates'),
      headerClassName: styles.dates,
      cellClassName: styles.cell,
      cell: (item) =>
        stack(
          item.purchaseDate === null
            ? t('ledger.columns.noPurchase')
            : t('ledger.columns.purchased', { date: texts.date(item.purchaseDate) }),
          item.warrantyEnd === null ? t('ledger.columns.noWarranty') : t('ledger.columns.warranty', { date: texts.date(item.warrantyEnd) }),
        ),
    },
    {
      id: 'custody',
      header: t('ledger.columns.custody'),
      headerClassName: styles.custody,
      cellClassName: styles.cell,
      cell: (item) =>
        stack(
          texts.or(item.custodian),
          item.currentCheckout && item.status !== 'lost'
            ? t('ledger.columns.returnBy', { date: texts.date(item.currentCheckout.expectedReturnDate) })
            : null,
        ),
    },
    {
      id: 'status',
      header: t('ledger.columns.status'),
      headerClassName: styles.status,
      cellClassName: styles.cell,
      cell: (item) => <StatusBadge status={item.status} />,
    },
  ];
  return (
    <RecordsTable
      labelledBy={labelledBy}
      testId="ledger-items"
      minWidth="960px"
      columns={columns}
      rows={items}
      rowKey={(item) => item.id}
      rowProps={(item) => ({ 'data-label': item.label, 'data-status': item.status }) as Record<string, string>}
    />
  );
}
