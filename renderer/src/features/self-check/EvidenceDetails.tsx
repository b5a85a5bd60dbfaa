/**
 * What a check's verdict rests on, folded away until asked for: for each reading, where it
 * came from (the command or file), when it was read (JST) and the facts taken from it. The
 * values are said in words in the screen's language (True → はい, NotConfigured → 未設定,
 * evidence-values.ts); a switch shows them exactly as the OS printed them, for support.
 */
import { useState } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import type { CheckResult } from '@shared/self-check';
import { FactList } from '../../components/FactList';
import { useEvidenceValueText } from './evidence-values';

type Evidence = CheckResult['evidence'][number];

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalS },
  reading: {
    paddingInlineStart: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
});

export function EvidenceDetails({ checkName, evidence }: { checkName: string; evidence: readonly Evidence[] }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [raw, setRaw] = useState(false);
  const inWords = useEvidenceValueText();
  const show = raw ? (value: Evidence['facts'][string]) => (value === null ? 'null' : String(value)) : inWords;

  return (
    <Accordion collapsible>
      <AccordionItem value="evidence">
        <AccordionHeader
          size="small"
          button={{ 'aria-label': t('selfCheck.evidence.toggleFor', { check: checkName, count: evidence.length }) }}
        >
          {t('selfCheck.evidence.toggle', { count: evidence.length })}
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          {evidence.length === 0 && <Text>{t('selfCheck.evidence.none')}</Text>}
          {evidence.length > 0 && (
            <Switch checked={raw} onChange={(_event, data) => setRaw(data.checked)} label={t('selfCheck.evidence.showRaw')} />
          )}
          {evidence.map((reading, index) => (
            <div key={`${reading.source}-${index}`} className={styles.reading}>
              <FactList
                facts={[
                  [t('selfCheck.evidence.source'), reading.source],
                  [t('selfCheck.evidence.observedAt'), formatDateTime(reading.observedAt, language)],
                  ...Object.entries(reading.facts).map(([key, value]) => [key, show(value)] as const),
                ]}
              />
            </div>
          ))}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
