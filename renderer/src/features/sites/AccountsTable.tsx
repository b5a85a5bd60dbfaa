/**
 * A system's maintenance accounts: the user name with its state (vendor-default password in
 * red, disabled, review overdue — each an icon and a word), the password hidden until asked
 * for, when it was last changed and when the account is next reviewed (JST), and the buttons
 * to edit or remove it, each named with the account.
 */
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { reviewDue } from './account-counts';
import { DisabledBadge, ReviewDueBadge, VendorDefaultBadge } from './AccountBadges';
import { PasswordCell } from './PasswordCell';
import type { MaintenanceAccount } from './use-sites';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '900px' },
  password: { width: '180px' },
  time: { width: '190px' },
  // A time split over two lines is easy to misread.
  nowrap: { whiteSpace: 'nowrap' },
  actions: { width: '170px' },
  cell: { paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  name: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
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
  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} className={styles.table} size="small" data-testid="accounts-table">
        <TableHeader>
          <TableRow>
            {/* The user name takes what the fixed columns leave. */}
            <TableHeaderCell>{t('sites.accounts.columns.userName')}</TableHeaderCell>
            <TableHeaderCell className={styles.password}>{t('sites.accounts.columns.password')}</TableHeaderCell>
            <TableHeaderCell className={styles.time}>{t('sites.accounts.columns.lastChanged')}</TableHeaderCell>
            <TableHeaderCell className={styles.time}>{t('sites.accounts.columns.nextReview')}</TableHeaderCell>
            <TableHeaderCell className={styles.actions}>{t('sites.accounts.columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {accounts.map((account) => {
            const due = reviewDue(account.nextReviewAt);
            const user = { user: account.userName };
            return (
              <TableRow key={account.id} data-account-id={account.id} data-user={account.userName} data-vendor-default={account.vendorDefault}>
                <TableCell className={styles.cell}>
                  <div className={styles.stack}>
                    <span className={styles.name}>{account.userName}</span>
                    {(account.vendorDefault || account.disabled || due) && (
                      <div className={styles.badges}>
                        {account.vendorDefault && <VendorDefaultBadge />}
                        {account.disabled && <DisabledBadge />}
                        {due && <ReviewDueBadge />}
                      </div>
                    )}
                  </div>
                </TableCell>
                <TableCell className={styles.cell}>
                  <PasswordCell account={account} copying={copying} onCopy={onCopy} />
                </TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.nowrap)}>
                  {account.lastChangedAt ? formatDateTime(account.lastChangedAt, language) : <Text className={styles.muted}>{t('sites.accounts.neverChanged')}</Text>}
                </TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.nowrap)}>{formatDateTime(account.nextReviewAt, language)}</TableCell>
                <TableCell className={styles.cell}>
                  <div className={styles.buttons}>
                    <Button {...restoreFocus} size="small" icon={<Edit20Regular />} aria-label={t('sites.accounts.editFor', user)} onClick={() => onEdit(account)}>
                      {t('sites.accounts.edit')}
                    </Button>
                    <Button {...restoreFocus} size="small" icon={<Delete20Regular />} aria-label={t('sites.accounts.removeFor', user)} onClick={() => onRemove(account)}>
                      {t('sites.accounts.remove')}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
