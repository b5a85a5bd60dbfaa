/**
 * What content disarm took out of a sanitized file, on demand: a one-line summary ("取り除いて
 * 再構築しました（3 件）") that opens to the list — each object's kind in plain words and where
 * it was (a part of the document, a PDF object, a cell). Folded by default so a run of many
 * files stays readable; the signed report lists the same objects.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RemovedObject } from './use-sanitize';
import { useSanitizeTexts } from './use-sanitize-texts';
import { strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  header: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalM})` },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  // Where is a part name or an object number: broken the Japanese way, a long name only where nothing else fits.
  where: { ...strictLineBreaking, color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function RemovedObjects({ removed, path }: { removed: readonly RemovedObject[]; path: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSanitizeTexts();
  if (removed.length === 0)
    return (
      <Text className={styles.muted} data-testid="sanitize-rebuilt">
        {t('sanitize.files.rebuiltNothingNamed')}
      </Text>
    );
  const count = removed.reduce((sum, object) => sum + 1 + (object.more ?? 0), 0);
  return (
    <Accordion collapsible data-testid="sanitize-removed" data-path={path}>
      <AccordionItem value="removed">
        <AccordionHeader size="small" className={styles.header}>
          {t('sanitize.files.rebuilt', { count })}
        </AccordionHeader>
        <AccordionPanel>
          <ul className={styles.list} aria-label={t('sanitize.files.removedLabel')}>
            {removed.map((object, index) => {
              const text = texts.removed(object);
              return (
                <li key={`${object.kind}-${index}`} data-kind={object.kind}>
                  <Text>{text.what}</Text>
                  <Text size={200} className={styles.where}>
                    {t('sanitize.files.removedWhere', { where: text.where })}
                    {text.more ? ` ${text.more}` : ''}
                  </Text>
                </li>
              );
            })}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
