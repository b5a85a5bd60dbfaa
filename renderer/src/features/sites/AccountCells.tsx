/**
 * Cells the record tables share: an account's user name with its state (8-5, 14-7), when its
 * password last changed (JST), and a count of accounts with the red badge for those still on
 * a vendor-default password.
 */
import type { ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { reviewDue } from './account-counts';
import { DisabledBadge, ReviewDueBadge, VendorDefaultBadge } from './AccountBadges';
import type { MaintenanceAccount } from './use-sites';
import { strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  name: { fontFamily: tokens.fontFamilyMonospace, ...strictLineBreaking, fontWeight: tokens.fontWeightSemibold },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  countStack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The user name and, when any, its state as badges. */
export function AccountName({ account }: { account: MaintenanceAccount }) {
  const styles = useStyles();
  const due = reviewDue(account.nextReviewAt);
  return (
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
  );
}

/** When the password last changed, or that it never has. */
export function LastChanged({ account }: { account: MaintenanceAccount }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  return account.lastChangedAt ? (
    formatDateTime(account.lastChangedAt, i18n.language as Language)
  ) : (
    <Text className={styles.muted}>{t('sites.accounts.neverChanged')}</Text>
  );
}

/** A count's text over the vendor-default badge; a dash when the counts could not be read. */
export function AccountCount({ text, vendorDefaults }: { text: string | null; vendorDefaults: number }) {
  const styles = useStyles();
  if (text === null) return '—';
  return (
    <div className={styles.countStack}>
      <Text>{text}</Text>
      {vendorDefaults > 0 && <VendorDefaultBadge count={vendorDefaults} />}
    </div>
  );
}

/** A value, or a muted dash where there is none. */
export function OrDash({ value }: { value: string }): ReactNode {
  const styles = useStyles();
  return value || <Text className={styles.muted}>—</Text>;
}
