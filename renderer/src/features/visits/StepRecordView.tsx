/**
 * What was recorded in a closed step, as the report will say it: the values by field (choices
 * and accounts by name, times in Japan time), the files attached, who signed, the check's
 * finding, and the reason for "not applicable" or for going ahead without a self-check.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import { FactList } from '../../components/FactList';
import { useAccounts } from '../sites/use-sites';
import { useVisitTexts } from './use-visit-texts';
import type { VisitRun, StepState, StepTemplate } from './use-visits';
import { strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '56em' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, ...strictLineBreaking },
  pre: { whiteSpace: 'pre-wrap' },
});

export function StepRecordView({ run, step, state }: { run: VisitRun; step: StepTemplate; state: StepState }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const accounts = useAccounts(run.systemId ?? undefined);
  const userName = (id: string) => accounts.data?.accounts.find((a) => a.id === id)?.userName ?? id;

  const facts: Array<readonly [string, string]> = [];
  for (const field of step.fields) {
    const value = state.values[field.id];
    if (value === undefined) continue;
    const label = texts.fieldLabel(run.templateId, step.id, field.id);
    let shown: string;
    if (typeof value === 'boolean') shown = t(value ? 'common.yes' : 'common.no');
    else if (field.type === 'choice') shown = texts.optionLabel(run.templateId, step.id, field.id, String(value));
    else if (field.type === 'account') shown = userName(String(value));
    else if (field.type === 'datetime') shown = texts.dateTime(String(value));
    else shown = String(value);
    facts.push([label, shown]);
  }
  if (state.signer)
    facts.push([t('visits.record.signer'), state.signer.title ? t('visits.record.signerWithTitle', state.signer) : state.signer.name]);
  if (state.signer || state.hasSignature)
    facts.push([
      t('visits.record.signature'),
      t(state.hasSignature ? 'visits.record.signed' : state.signedOnPaper ? 'visits.record.signedOnPaper' : 'visits.record.notSigned'),
    ]);
  if (state.check) facts.push([t('visits.record.finding'), texts.checkFinding(state.check)]);
  if (state.reason) facts.push([t(state.overrideId ? 'visits.record.overrideReason' : 'visits.record.reason'), state.reason]);
  if (state.closedAt)
    facts.push([
      t('visits.record.closed'),
      t('visits.record.closedBy', { time: texts.dateTime(state.closedAt), who: state.closedBy ?? '' }),
    ]);

  return (
    <div className={styles.area} data-testid="visit-step-record">
      {state.overrideId && <Text weight="semibold">{t('visits.record.overridden')}</Text>}
      <FactList facts={facts} />
      {state.attachments.length > 0 && (
        <section aria-labelledby={`visit-record-files-${step.id}`}>
          <Text as="h4" style={{ margin: 0 }} id={`visit-record-files-${step.id}`} weight="semibold">
            {t('visits.record.attachments', { count: state.attachments.length })}
          </Text>
          <ul className={styles.list}>
            {state.attachments.map((file) => (
              <li key={file.itemId}>
                {t('visits.record.file', {
                  name: file.name,
                  size: formatBytes(file.size, texts.language),
                  sha256: file.sha256.slice(0, 12),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
