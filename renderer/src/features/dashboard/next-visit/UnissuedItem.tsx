/**
 * Certificates and reports not yet issued: visits still in progress (their report is issued on
 * completion), finished erasures whose result is kept waiting for its certificate (issue 19; a
 * whole device's too) and erasures stopped half way (no certificate until they finish). Each
 * count leads to the screen that finishes it.
 */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useInterruptedErasures, usePendingErasureResults } from '../../erasure/use-erasure';
import { useAttention } from '../../visits/use-visits';
import { hrefOf } from '../../visits/visits-route';
import { ChecklistItem, ChecklistPending } from './ChecklistItem';

const useStyles = makeStyles({
  actions: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: tokens.spacingVerticalXXS },
});

export function UnissuedItem() {
  const styles = useStyles();
  const { t } = useTranslation();
  const attention = useAttention();
  const interrupted = useInterruptedErasures();
  const pending = usePendingErasureResults();
  if (!attention.isSuccess) return <ChecklistPending testId="next-visit-unissued" query={attention} />;
  if (!interrupted.isSuccess) return <ChecklistPending testId="next-visit-unissued" query={interrupted} />;
  if (!pending.isSuccess) return <ChecklistPending testId="next-visit-unissued" query={pending} />;
  const runs = attention.data.inProgress.length;
  const results = pending.data.results.length;
  const erasures = interrupted.data.jobs.length;
  return (
    <ChecklistItem
      testId="next-visit-unissued"
      state={runs + results + erasures === 0 ? 'done' : 'todo'}
      action={
        <div className={styles.actions}>
          {runs > 0 && <Link href={hrefOf({ view: 'list' })}>{t('dashboard.next.unissued.openRuns')}</Link>}
          {results + erasures > 0 && <Link href="#/erasure">{t('dashboard.next.unissued.openErasure')}</Link>}
        </div>
      }
    >
      {runs + results + erasures === 0 && <Text>{t('dashboard.next.unissued.none')}</Text>}
      {runs > 0 && <Text>{t('dashboard.next.unissued.runs', { count: runs })}</Text>}
      {results > 0 && <Text>{t('dashboard.next.unissued.results', { count: results })}</Text>}
      {erasures > 0 && <Text>{t('dashboard.next.unissued.erasures', { count: erasures })}</Text>}
    </ChecklistItem>
  );
}
