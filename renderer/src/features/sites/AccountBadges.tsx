/**
 * An account's state as an icon and a word, never colour alone: a vendor-default password
 * still in use (8-5, red), an account disabled, a review overdue (14-7).
 */
import { Badge, makeStyles } from '@fluentui/react-components';
import { CalendarClock16Regular, Prohibited16Regular, Warning16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  // A state is one phrase: it must not break inside its badge.
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

export function VendorDefaultBadge({ count }: { count?: number }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Badge
      className={styles.badge}
      appearance="filled"
      shape="rounded"
      color="danger"
      icon={<Warning16Filled />}
      data-testid="vendor-default-badge"
    >
      {count === undefined ? t('sites.badges.vendorDefault') : t('sites.badges.vendorDefaultCount', { count })}
    </Badge>
  );
}

export function DisabledBadge() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Badge
      className={styles.badge}
      appearance="tint"
      shape="rounded"
      color="informative"
      icon={<Prohibited16Regular />}
      data-testid="disabled-badge"
    >
      {t('sites.badges.disabled')}
    </Badge>
  );
}

export function ReviewDueBadge() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Badge
      className={styles.badge}
      appearance="tint"
      shape="rounded"
      color="warning"
      icon={<CalendarClock16Regular />}
      data-testid="review-due-badge"
    >
      {t('sites.badges.reviewDue')}
    </Badge>
  );
}
