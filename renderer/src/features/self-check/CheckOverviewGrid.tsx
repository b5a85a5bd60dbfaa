/**
 * Every check of a run at a glance, as a grid of tiles (like Windows Security's overview):
 * status (icon and word) and name, the ones that need attention first. Each tile opens that
 * check's details below and jumps to them.
 */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CheckId, CheckResult } from '@shared/self-check';
import { StatusBadge } from './StatusBadge';
import { useSelfCheckTexts } from './use-self-check-texts';

const useStyles = makeStyles({
  grid: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  optional: { color: tokens.colorNeutralForeground3 },
});

export function CheckOverviewGrid({ checks, onOpen }: { checks: readonly CheckResult[]; onOpen: (id: CheckId) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSelfCheckTexts();
  return (
    <ul className={styles.grid} aria-label={t('selfCheck.overview.label')} data-testid="self-check-overview">
      {checks.map((check) => (
        <li key={check.id} className={styles.tile} data-check={check.id} data-status={check.status}>
          <StatusBadge status={check.status} />
          <Link as="button" onClick={() => onOpen(check.id)}>
            {texts.checkName(check.id)}
          </Link>
          {!check.required && (
            <Text size={200} className={styles.optional}>
              {t('selfCheck.check.optional')}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}
