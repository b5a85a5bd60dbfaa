/** What the screen shows before the first run: what the self-check looks at, and how to start it. */
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldCheckmark24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { checkIds } from '@shared/self-check';
import { EmptyState, EmptyStateText } from '../../components/EmptyState';
import { useSelfCheckTexts } from './use-self-check-texts';

const useStyles = makeStyles({
  checks: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL, columns: 2, columnGap: tokens.spacingHorizontalXXL },
});

export function SelfCheckEmptyState() {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSelfCheckTexts();
  return (
    <EmptyState icon={ShieldCheckmark24Regular} title={t('selfCheck.empty.title')} headingLevel="h3" testId="self-check-empty">
      <EmptyStateText>{t('selfCheck.empty.purpose')}</EmptyStateText>
      <ul className={styles.checks} aria-label={t('selfCheck.empty.checksLabel')}>
        {checkIds.map((id) => (
          <li key={id}>
            <Body1>{texts.checkName(id)}</Body1>
          </li>
        ))}
      </ul>
      <EmptyStateText>{t('selfCheck.empty.start')}</EmptyStateText>
    </EmptyState>
  );
}
