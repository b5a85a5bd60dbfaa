/**
 * What needs doing with the ledger, at the top of the list: media past their expected return
 * date (each with who has it), an overdue inventory, media to migrate before their warranty
 * ends or they age out (12-5), and media recorded lost. Nothing is shown when all is well but
 * the next inventory's due date; a failure to read the reminders is shown, never hidden.
 */
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { hrefOf, useLedgerRoute } from './ledger-route';
import { useLedgerWarnings, type LedgerWarnings } from './use-ledger';
import { useLedgerTexts } from './use-ledger-texts';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

type Reminder = LedgerWarnings['migrationReminders'][number];

export function useReminderText() {
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  return (reminder: Reminder) =>
    t(reminder.daysLeft < 0 ? 'ledger.reminders.migrationPast' : 'ledger.reminders.migrationSoon', {
      reason: t(`ledger.reminders.reason.${reminder.reason}`),
      date: texts.date(reminder.dueDate),
      count: Math.abs(reminder.daysLeft),
    });
}

export function LedgerReminders() {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const { go } = useLedgerRoute();
  const warnings = useLedgerWarnings();
  const reminderText = useReminderText();
  if (warnings.isPending) return null;
  if (warnings.isError) return <ErrorState error={warnings.error} onRetry={() => void warnings.refetch()} />;
  const data = warnings.data;
  const { inventory } = data;
  return (
    <div className={styles.stack} data-testid="ledger-reminders">
      {data.overdueCheckouts.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="ledger-overdue">
          <MessageBarBody>
            <MessageBarTitle>{t('ledger.reminders.overdueTitle', { count: data.overdueCheckouts.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {data.overdueCheckouts.map((overdue) => (
                <li key={overdue.itemId}>
                  <Link href={hrefOf({ view: 'item', itemId: overdue.itemId })}>{overdue.label}</Link>{' '}
                  {t('ledger.reminders.overdueItem', {
                    custodian: overdue.custodian,
                    date: texts.date(overdue.expectedReturnDate),
                    count: overdue.daysOverdue,
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {data.lostItems > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('ledger.reminders.lost', { count: data.lostItems })}</MessageBarBody>
        </MessageBar>
      )}
      {inventory.overdue && (
        <MessageBar intent="warning" layout="multiline" data-testid="ledger-inventory-overdue">
          <MessageBarBody>
            <MessageBarTitle>{t('ledger.reminders.inventoryOverdueTitle')}</MessageBarTitle>
            {t('ledger.reminders.inventoryOverdue', { date: texts.date(inventory.nextDueDate), count: inventory.daysOverdue })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => go({ view: 'inventory' })}>{t('ledger.reminders.inventoryStart')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {data.migrationReminders.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="ledger-migration">
          <MessageBarBody>
            <MessageBarTitle>{t('ledger.reminders.migrationTitle', { count: data.migrationReminders.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {data.migrationReminders.map((reminder) => (
                <li key={`${reminder.itemId}-${reminder.reason}`}>
                  <Link href={hrefOf({ view: 'item', itemId: reminder.itemId })}>{reminder.label}</Link> {reminderText(reminder)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {!inventory.overdue && inventory.nextDueDate !== null && (
        <Text>
          {t('ledger.reminders.inventoryNext', {
            date: texts.date(inventory.nextDueDate),
            last: inventory.lastCompletedAt === null ? t('ledger.reminders.neverCounted') : texts.dateTime(inventory.lastCompletedAt),
          })}
        </Text>
      )}
    </div>
  );
}
