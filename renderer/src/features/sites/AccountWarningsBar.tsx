/**
 * What needs doing about the maintenance accounts, at the top of the Sites screen: vendor-default
 * passwords still in use (8-5) and reviews overdue (14-7), each with what to do. Nothing shows
 * when neither applies.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAccountWarnings } from './use-sites';

const useStyles = makeStyles({
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '60em' },
});

export function AccountWarningsBar({ onReview }: { onReview: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const warnings = useAccountWarnings();
  const data = warnings.data;
  if (!data || (data.vendorDefaults === 0 && data.reviewsDue === 0)) return null;
  return (
    <div className={styles.bars} data-testid="sites-warnings">
      {data.vendorDefaults > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="sites-warning-vendor-default">
          <MessageBarBody>
            <MessageBarTitle>{t('sites.warnings.vendorDefaults', { count: data.vendorDefaults })}</MessageBarTitle>
            {t('sites.warnings.vendorDefaultsBody')}
          </MessageBarBody>
        </MessageBar>
      )}
      {data.reviewsDue > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="sites-warning-review-due">
          <MessageBarBody>
            <MessageBarTitle>{t('sites.warnings.reviewsDue', { count: data.reviewsDue })}</MessageBarTitle>
            {t('sites.warnings.reviewsDueBody')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReview}>{t('sites.warnings.openReview')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
