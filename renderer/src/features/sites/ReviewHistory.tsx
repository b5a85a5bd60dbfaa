/**
 * Earlier account reviews, newest first: when (JST), who, how many accounts with each
 * decision, and — unfolded — every account with its decision and note, as recorded (the
 * site and system names as they were then).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { decisions, type AccountReview, type Decision } from './use-sites';
import { TextCell, useTableCellStyles } from '../../components/table-cells';

const useStyles = makeStyles({
  panel: { paddingBlock: tokens.spacingVerticalS },
  wrap: { overflowX: 'auto' },
  table: { minWidth: '720px' },
  // Sized columns; the note, free text, takes what they leave.
  account: { width: '18%' },
  site: { width: '22%' },
  system: { width: '18%' },
  decision: { width: '112px' },
  name: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function countDecisions(list: ReadonlyArray<{ decision: Decision }>): Record<Decision, number> {
  const counts: Record<Decision, number> = { keep: 0, disable: 0, delete: 0 };
  for (const entry of list) counts[entry.decision] += 1;
  return counts;
}

export function ReviewHistory({ reviews }: { reviews: readonly AccountReview[] }) {
  const styles = useStyles();
  const cells = useTableCellStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const newestFirst = [...reviews].sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
  return (
    <Accordion multiple collapsible data-testid="review-history">
      {newestFirst.map((review) => {
        const counts = countDecisions(review.decisions);
        const time = formatDateTime(review.reviewedAt, language);
        return (
          <AccordionItem key={review.id} value={review.id} data-review-id={review.id}>
            <AccordionHeader>
              {t('sites.history.entry', { time, reviewer: review.reviewer, count: review.decisions.length, ...counts })}
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <div className={styles.wrap}>
                <Table size="small" className={styles.table} aria-label={t('sites.history.tableLabel', { time })}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={styles.account}>{t('sites.review.columns.account')}</TableHeaderCell>
                      <TableHeaderCell className={styles.site}>{t('sites.history.columns.site')}</TableHeaderCell>
                      <TableHeaderCell className={styles.system}>{t('sites.history.columns.system')}</TableHeaderCell>
                      <TableHeaderCell className={styles.decision}>{t('sites.review.columns.decision')}</TableHeaderCell>
                      <TableHeaderCell>{t('sites.review.columns.note')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {review.decisions.map((entry) => (
                      <TableRow key={entry.accountId} data-decision={entry.decision}>
                        <TextCell className={styles.name}>{entry.userName}</TextCell>
                        <TextCell>{entry.site}</TextCell>
                        <TextCell>{entry.system}</TextCell>
                        <TextCell className={cells.nowrap}>
                          {decisions.includes(entry.decision) ? t(`sites.review.decision.${entry.decision}`) : entry.decision}
                        </TextCell>
                        <TextCell>{entry.note || <Text className={styles.muted}>—</Text>}</TextCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
