/**
 * The About screen: what FieldGuard is for, and the guideline coverage table an auditor asks
 * for — which guideline item FieldGuard serves where, and which tests prove it.
 */
import { Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { guidelineItems } from '@shared/guideline-items';
import { testsOfItem } from '@shared/guideline-tests';
import { PageHeading } from '../../components/PageHeading';
import { GuidelineCoverageTable } from './GuidelineCoverageTable';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '60em', marginBottom: tokens.spacingVerticalXL },
  summary: { display: 'block', marginBottom: tokens.spacingVerticalM },
});

export function AboutPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const tested = guidelineItems.filter((item) => testsOfItem(item.id).length > 0).length;
  return (
    <>
      <PageHeading>{t('about.title')}</PageHeading>
      <Text className={styles.intro}>{t('about.intro')}</Text>
      <section aria-labelledby="about-coverage-heading">
        <Subtitle1 as="h2" id="about-coverage-heading" block>
          {t('about.coverage.title')}
        </Subtitle1>
        <Text className={styles.summary}>
          {t('about.coverage.summary', { tested, total: guidelineItems.length })} {t('about.coverage.testsNamesInEnglish')}
        </Text>
        <GuidelineCoverageTable headingId="about-coverage-heading" />
      </section>
    </>
  );
}
