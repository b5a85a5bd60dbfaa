/** What an empty vault shows: what the vault is for (7-3) and how to put files in it. */
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { Vault24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateText } from '../../components/EmptyState';

const useStyles = makeStyles({
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export function VaultEmptyState() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <EmptyState icon={Vault24Regular} title={t('vaultFiles.empty.title')} headingLevel="h2" testId="vault-empty">
      <EmptyStateText>{t('vaultFiles.empty.purpose')}</EmptyStateText>
      <ol className={styles.steps}>
        <li>
          <Body1>{t('vaultFiles.empty.step1')}</Body1>
        </li>
        <li>
          <Body1>{t('vaultFiles.empty.step2')}</Body1>
        </li>
        <li>
          <Body1>{t('vaultFiles.empty.step3')}</Body1>
        </li>
      </ol>
    </EmptyState>
  );
}
