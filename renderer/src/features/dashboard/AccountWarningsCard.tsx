/**
 * The maintenance accounts at a glance: vendor-default passwords still in use (8-5, in red)
 * and accounts whose review is due (14-7), each with its count, and the way to the Sites
 * screen to act on them. The card is not shown at all while there is nothing to do; a
 * failure to read the warnings is shown, so that it is never mistaken for "nothing to do".
 */
import { Badge, Card, CardHeader, Link, Text, makeStyles, tokens, Subtitle2 } from '@fluentui/react-components';
import { CalendarClock16Regular, Warning16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useAccountWarnings } from '../sites/use-sites';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  count: { fontVariantNumeric: 'tabular-nums' },
});

export function AccountWarningsCard() {
  const styles = useStyles();
  const { t } = useTranslation();
  const warnings = useAccountWarnings();
  if (warnings.isPending) return null;
  const data = warnings.data;
  if (data && data.vendorDefaults === 0 && data.reviewsDue === 0) return null;
  return (
    <Card aria-labelledby="dashboard-accounts-title" data-testid="dashboard-accounts">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="dashboard-accounts-title">
            {t('dashboard.accounts.title')}
          </Subtitle2>
        }
      />
      <div className={styles.body}>
        {warnings.isError && <ErrorState error={warnings.error} onRetry={() => void warnings.refetch()} />}
        {data && (
          <ul className={styles.list}>
            {data.vendorDefaults > 0 && (
              <li className={styles.item} data-testid="dashboard-vendor-defaults" data-count={data.vendorDefaults}>
                <Badge appearance="filled" color="danger" shape="rounded" size="large" icon={<Warning16Filled />} className={styles.count}>
                  {t('dashboard.accounts.vendorDefaults', { count: data.vendorDefaults })}
                </Badge>
                <Text size={200}>{t('dashboard.accounts.vendorDefaultsHint')}</Text>
              </li>
            )}
            {data.reviewsDue > 0 && (
              <li className={styles.item} data-testid="dashboard-reviews-due" data-count={data.reviewsDue}>
                <Badge
                  appearance="tint"
                  color="warning"
                  shape="rounded"
                  size="large"
                  icon={<CalendarClock16Regular />}
                  className={styles.count}
                >
                  {t('dashboard.accounts.reviewsDue', { count: data.reviewsDue })}
                </Badge>
                <Text size={200}>{t('dashboard.accounts.reviewsDueHint')}</Text>
              </li>
            )}
          </ul>
        )}
        <Link href="#/sites">{t('dashboard.accounts.open')}</Link>
        {data && data.reviewsDue > 0 && <Link href="#/sites?view=review">{t('dashboard.accounts.openReview')}</Link>}
      </div>
    </Card>
  );
}
