/**
 * The dashboard: what to do next. First, full width, the next planned visit and what to check
 * before leaving (issue 19); below it one card per feature that needs attention. Later
 * features add their cards to the grid. Cards that read the vault show only while it is
 * unlocked: VaultGate shows no screen otherwise, and the check here keeps a card from asking a
 * locked vault during a lock. This laptop's details are on the System page.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { useVaultStatus } from '../vault/use-vault';
import { AccountWarningsCard } from './AccountWarningsCard';
import { ArchiveIncidentCard } from './ArchiveIncidentCard';
import { LedgerCard } from './LedgerCard';
import { NextVisitChecklist } from './next-visit/NextVisitChecklist';
import { RollbackNotice } from './RollbackNotice';
import { VisitsCard } from './VisitsCard';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: tokens.spacingHorizontalL },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL },
  notice: { marginBottom: tokens.spacingVerticalL },
});

export function DashboardPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const status = useVaultStatus().data;
  const unlocked = status?.state === 'unlocked';

  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <Text className={styles.intro}>{t('dashboard.intro')}</Text>
      {unlocked && status.rollback && (
        <div className={styles.notice}>
          <RollbackNotice rollback={status.rollback} />
        </div>
      )}
      {unlocked && (
        <div className={styles.notice}>
          <NextVisitChecklist />
        </div>
      )}
      {unlocked && <ArchiveIncidentCard />}
      <div className={styles.grid}>
        {unlocked && <VisitsCard />}
        {unlocked && <AccountWarningsCard />}
        {unlocked && <LedgerCard />}
      </div>
    </>
  );
}
