/**
 * A system's maintenance accounts: the user name with its state (vendor-default password in
 * red, disabled, review overdue — each an icon and a word), the password hidden until asked
 * for, when it was last changed and when the account is next reviewed (JST), and the buttons
 * to edit or remove it, each named with the account.
 */
import { Button, makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { AccountName, LastChanged } from './AccountCells';
import { PasswordCell } from './PasswordCell';
import { RecordsTable, type RecordsColumn } from './RecordsTable';
import type { MaintenanceAccount } from './use-sites';

const useStyles = makeStyles({
  password: { width: '180px' },
  time: { width: '190px' },
  actions: { width: '170px' },
  cell: { paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  // A time split over two lines is easy to misread.
  nowrap: { whiteSpace: 'nowrap' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

export interface AccountsTableProps {
  readonly accounts: readonly MaintenanceAccount[];
  readonly labelledBy: string;
  readonly copying: boolean;
  readonly onCopy: (account: MaintenanceAccount) => void;
  readonly onEdit: (account: MaintenanceAccount) => void;
  readonly onRemove: (account: MaintenanceAccount) => void;
}

export function AccountsTable({ accounts, labelledBy, copying, onCopy, onEdit, onRemove }: AccountsTableProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // When the edit or remove dialog closes, focus goes back to the button that opened it.
  const restoreFocus = useRestoreFocusTarget();
  const time = mergeClasses(styles.cell, styles.nowrap);
  const columns: RecordsColumn<MaintenanceAccount>[] = [
    // The user name takes what the fixed columns leave.
    {
      id: 'userName',
      header: t('sites.accounts.columns.userName'),
      cellClassName: styles.cell,
      cell: (account) => <AccountName account={account} />,
    },
    {
      id: 'password',
      header: t('sites.accounts.columns.password'),
      headerClassName: styles.password,
      cellClassName: styles.cell,
      cell: (account) => <PasswordCell account={account} copying={copying} onCopy={onCopy} />,
    },
    {
      id: 'lastChanged',
      header: t('sites.accounts.columns.lastChanged'),
      headerClassName: styles.time,
      cellClassName: time,
      cell: (account) => <LastChanged account={account} />,
    },
    {
      id: 'nextReview',
      header: t('sites.accounts.columns.nextReview'),
      headerClassName: styles.time,
      cellClassName: time,
      cell: (account) => formatDateTime(account.nextReviewAt, language),
    },
    {
      id: 'actions',
      header: t('sites.accounts.columns.actions'),
      headerClassName: styles.actions,
      cellClassName: styles.cell,
      cell: (account) => {
        const user = { user: account.userName };
        return (
          <div className={styles.buttons}>
            <Button
              {...restoreFocus}
              size="small"
              icon={<Edit20Regular />}
              aria-label={t('sites.accounts.editFor', user)}
              onClick={() => onEdit(account)}
            >
              {t('sites.accounts.edit')}
            </Button>
            <Button
              {...restoreFocus}
              size="small"
              icon={<Delete20Regular />}
              aria-label={t('sites.accounts.removeFor', user)}
              onClick={() => onRemove(account)}
            >
              {t('sites.accounts.remove')}
            </Button>
          </div>
        );
      },
    },
  ];
  return (
    <RecordsTable
      labelledBy={labelledBy}
      testId="accounts-table"
      minWidth="900px"
      columns={columns}
      rows={accounts}
      rowKey={(account) => account.id}
      rowProps={(account) => ({
        'data-account-id': account.id,
        'data-user': account.userName,
        'data-vendor-default': account.vendorDefault,
      })}
    />
  );
}
