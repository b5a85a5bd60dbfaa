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
  TableCell,
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

const useStyles = makeStyles({
  panel: { paddingBlock: tokens.spacingVerticalS },
  wrap: { overflowX: 'auto' },
  table: { minWidth: '720px' },
  cell: { overflowWrap: 'anywhere' },
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
                      <TableHeaderCell>{t('sites.review.columns.account')}</TableHeaderCell>
                      <TableHeaderCell>{t('sites.history.columns.site')}</TableHeaderCell>
                      <TableHeaderCell>{t('sites.history.columns.system')}</TableHeaderCell>
                      <TableHeaderCell>{t('sites.review.columns.decision')}</TableHeaderCell>
                      <TableHeaderCell>{t('sites.review.columns.note')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {review.decisions.map((entry) => (
                      <TableRow key={entry.accountId} data-decision={entry.decision}>
                        <TableCell className={styles.name}>{entry.userName}</TableCell>
                        <TableCell className={styles.cell}>{entry.site}</TableCell>
                        <TableCell className={styles.cell}>{entry.system}</TableCell>
                        <TableCell>
                          {decisions.includes(entry.decision) ? t(`sites.review.decision.${entry.decision}`) : entry.decision}
                        </TableCell>
                        <TableCell className={styles.cell}>{entry.note || <Text className={styles.muted}>—</Text>}</TableCell>
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
