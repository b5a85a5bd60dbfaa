/**
 * The media ledger at a glance (7-7, 12-5): media past their expected return date (in red),
 * an inventory that is overdue or due soon, media to migrate and media recorded lost, each
 * with its count and the way to the Ledger screen. While all is well the card says when the
 * next inventory is due; a failure to read the reminders is shown, never taken for "all well".
 */
import { Badge, Card, CardHeader, Link, Text, makeStyles, tokens, Subtitle2 } from '@fluentui/react-components';
import {
  ArrowExportLtr16Regular,
  CalendarClock16Regular,
  CheckmarkCircle16Filled,
  Clock16Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { hrefOf } from '../ledger/ledger-route';
import { useLedgerWarnings } from '../ledger/use-ledger';
import { addDays, useLedgerTexts } from '../ledger/use-ledger-texts';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  count: { fontVariantNumeric: 'tabular-nums' },
});

/** An inventory due within this many days is "due" on the card. */
const DUE_SOON_DAYS = 14;

export function LedgerCard() {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const warnings = useLedgerWarnings();
  if (warnings.isPending) return null;
  const data = warnings.data;
  const inventory = data?.inventory;
  const inventoryDue =
    inventory && !inventory.overdue && inventory.nextDueDate !== null && inventory.nextDueDate <= addDays(data.today, DUE_SOON_DAYS);
  const allWell =
    data &&
    data.overdueCheckouts.length === 0 &&
    !inventory?.overdue &&
    !inventoryDue &&
    data.migrationReminders.length === 0 &&
    data.lostItems === 0;
  return (
    <Card aria-labelledby="dashboard-ledger-title" data-testid="dashboard-ledger">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="dashboard-ledger-title">
            {t('ledger.card.title')}
          </Subtitle2>
        }
      />
      <div className={styles.body}>
        {warnings.isError && <ErrorState error={warnings.error} onRetry={() => void warnings.refetch()} />}
        {data && inventory && (
          <ul className={styles.list}>
            {data.overdueCheckouts.length > 0 && (
              <li className={styles.item} data-testid="dashboard-ledger-overdue" data-count={data.overdueCheckouts.length}>
                <Badge
                  appearance="filled"
                  color="danger"
                  shape="rounded"
                  size="large"
                  icon={<ArrowExportLtr16Regular />}
                  className={styles.count}
                >
                  {t('ledger.card.overdue', { count: data.overdueCheckouts.length })}
                </Badge>
                <Text size={200}>
                  {data.overdueCheckouts
                    .map((overdue) =>
                      t('ledger.card.overdueItem', { label: overdue.label, custodian: overdue.custodian, count: overdue.daysOverdue }),
                    )
                    .join(t('ledger.card.separator'))}
                </Text>
              </li>
            )}
            {data.lostItems > 0 && (
              <li className={styles.item}>
                <Badge appearance="filled" color="danger" shape="rounded" size="large" icon={<Warning16Filled />} className={styles.count}>
                  {t('ledger.card.lost', { count: data.lostItems })}
                </Badge>
              </li>
            )}
            {inventory.overdue && (
              <li className={styles.item} data-testid="dashboard-ledger-inventory">
                <Badge appearance="tint" color="warning" shape="rounded" size="large" icon={<CalendarClock16Regular />}>
                  {t('ledger.card.inventoryOverdue', { count: inventory.daysOverdue })}
                </Badge>
              </li>
            )}
            {inventoryDue && (
              <li className={styles.item} data-testid="dashboard-ledger-inventory">
                <Badge appearance="tint" color="informative" shape="rounded" size="large" icon={<Clock16Regular />}>
                  {t('ledger.card.inventoryDue', { date: texts.date(inventory.nextDueDate) })}
                </Badge>
              </li>
            )}
            {data.migrationReminders.length > 0 && (
              <li className={styles.item} data-testid="dashboard-ledger-migration">
                <Badge
                  appearance="tint"
                  color="warning"
                  shape="rounded"
                  size="large"
                  icon={<CalendarClock16Regular />}
                  className={styles.count}
                >
                  {t('ledger.card.migration', { count: data.migrationReminders.length })}
                </Badge>
                <Text size={200}>{t('ledger.card.migrationHint')}</Text>
              </li>
            )}
            {allWell && (
              <li className={styles.item}>
                <Badge appearance="tint" color="success" shape="rounded" size="large" icon={<CheckmarkCircle16Filled />}>
                  {t('ledger.card.allWell')}
                </Badge>
                {inventory.nextDueDate !== null && (
                  <Text size={200}>{t('ledger.card.nextInventory', { date: texts.date(inventory.nextDueDate) })}</Text>
                )}
              </li>
            )}
          </ul>
        )}
        <Link href={hrefOf({ view: 'list' })}>{t('ledger.card.open')}</Link>
        {(inventory?.overdue || inventoryDue) && <Link href={hrefOf({ view: 'inventory' })}>{t('ledger.card.openInventory')}</Link>}
      </div>
    </Card>
  );
}
