/**
 * The guideline coverage table for an auditor: each item of the catalogue, what FieldGuard
 * does for it (or why it is the site's own duty), the screens (as links), services and signed
 * reports where it happens, and the automated tests that cite it. The same data as
 * docs/guideline-coverage.md, read from the catalogue and the generated test list, so the two
 * cannot disagree. The test lists fold into a disclosure, reachable and opened by keyboard.
 */
import {
  Caption1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { guidelineItems, screenLabelKey, type GuidelineItem } from '@shared/guideline-items';
import { testsOfItem } from '@shared/guideline-tests';
import type { Language } from '@shared/locale';
import { dynamicKey } from '../../i18n/text-key';
import { strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed' },
  titleColumn: { width: '16%' },
  wideColumn: { width: '20%' },
  item: { width: '5.5em', fontWeight: tokens.fontWeightSemibold, verticalAlign: 'top' },
  rowHeader: { textAlign: 'start', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  label: { display: 'block', color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, ...strictLineBreaking },
  summary: { cursor: 'pointer', color: tokens.colorBrandForegroundLink },
  testFile: {
    display: 'block',
    ...strictLineBreaking,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  outOfReach: { color: tokens.colorNeutralForeground2 },
});

export function GuidelineCoverageTable({ headingId }: { headingId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Table aria-labelledby={headingId} className={styles.table} data-testid="guideline-coverage">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.item}>{t('about.coverage.columns.item')}</TableHeaderCell>
          <TableHeaderCell className={styles.titleColumn}>{t('about.coverage.columns.title')}</TableHeaderCell>
          <TableHeaderCell className={styles.wideColumn}>{t('about.coverage.columns.fieldGuard')}</TableHeaderCell>
          <TableHeaderCell className={styles.wideColumn}>{t('about.coverage.columns.where')}</TableHeaderCell>
          <TableHeaderCell>{t('about.coverage.columns.tests')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {guidelineItems.map((item) => (
          <CoverageRow key={item.id} item={item} />
        ))}
      </TableBody>
    </Table>
  );
}

function CoverageRow({ item }: { item: GuidelineItem }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const tests = testsOfItem(item.id);
  return (
    <TableRow data-item={item.id}>
      {/* The item number names the row for a screen reader moving along it. */}
      <th scope="row" className={mergeClasses(styles.item, styles.rowHeader)}>
        {item.id}
      </th>
      <TableCell className={styles.cell}>{item.title[language]}</TableCell>
      <TableCell className={styles.cell}>
        <Text block>{item.fieldGuard[language]}</Text>
        {item.outOfReach && (
          <Text block className={styles.outOfReach}>
            <Caption1 className={styles.label}>{t('about.coverage.outOfReach')}</Caption1>
            {item.outOfReach[language]}
          </Text>
        )}
      </TableCell>
      <TableCell className={styles.cell}>
        <Where item={item} />
      </TableCell>
      <TableCell className={styles.cell}>
        {tests.length === 0 ? (
          <Text>{t('about.coverage.noTests')}</Text>
        ) : (
          <details>
            <summary className={styles.summary}>{t('about.coverage.testCount', { count: tests.length })}</summary>
            <ul className={styles.list} lang="en">
              {tests.map((test) => (
                <li key={`${test.file}|${test.name}`}>
                  {test.name}
                  <span className={styles.testFile}>{test.file}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </TableCell>
    </TableRow>
  );
}

function Where({ item }: { item: GuidelineItem }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <>
      {item.screens.length > 0 && (
        <>
          <Caption1 className={styles.label}>{t('about.coverage.screens')}</Caption1>
          {item.screens.map((screen, index) => (
            <span key={screen}>
              {index > 0 && t('about.coverage.separator')}
              <Link href={`#/${screen}`}>{t(dynamicKey(screenLabelKey(screen)))}</Link>
            </span>
          ))}
        </>
      )}
      {item.services.length > 0 && (
        <>
          <Caption1 className={styles.label}>{t('about.coverage.services')}</Caption1>
          <ul className={styles.list}>
            {item.services.map((service) => (
              <li key={service} className={styles.code}>
                {service}
              </li>
            ))}
          </ul>
        </>
      )}
      {item.reports.length > 0 && (
        <>
          <Caption1 className={styles.label}>{t('about.coverage.reports')}</Caption1>
          <Text>{item.reports.map((kind) => t(`certificates.kinds.${kind}`)).join(t('about.coverage.separator'))}</Text>
        </>
      )}
    </>
  );
}
