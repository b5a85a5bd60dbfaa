/**
 * The verdict of a run at the top of its results: pass or fail (the MessageBar's icon and the
 * word), how many required checks did not pass, until when a pass counts for a visit
 * (「明日 10:00 まで有効」, JST), when it was judged, against which policy, and on which laptop.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { checkClears, type SelfCheckRun } from '@shared/self-check';
import { usePolicyName } from './policy-name';
import { validUntil } from './valid-until';

const useStyles = makeStyles({
  line: { display: 'block' },
});

function ValidityLine({ run, now, className }: { run: SelfCheckRun; now: string; className: string }) {
  const { t, i18n } = useTranslation();
  const until = validUntil(run.finishedAt, run.policy.readinessMaxAgeHours, new Date(now), i18n.language as Language);
  return (
    <Text className={className} data-testid="self-check-valid-until" data-kind={until.kind}>
      {t(`selfCheck.overall.validUntil.${until.kind}`, until)}
    </Text>
  );
}

export function OverallBanner({ run, now }: { run: SelfCheckRun; now: string | null }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const policyName = usePolicyName();
  const failedRequired = run.checks.filter((check) => !checkClears(check)).length;
  // Warnings that let the run pass (the disk still encrypting) are said in the banner too.
  const cautions = run.checks.filter((check) => check.status === 'warning').length;
  const summary =
    run.overall === 'fail'
      ? t('selfCheck.overall.summary.fail', { count: failedRequired })
      : cautions > 0
        ? t('selfCheck.overall.summary.passWithCautions', { count: cautions })
        : t('selfCheck.overall.summary.pass');
  return (
    <MessageBar
      intent={run.overall === 'pass' ? (cautions > 0 ? 'warning' : 'success') : 'error'}
      layout="multiline"
      role="status"
      data-testid="self-check-overall"
      data-overall={run.overall}
    >
      <MessageBarBody>
        <MessageBarTitle>{t(`selfCheck.overall.title.${run.overall}`)}</MessageBarTitle>
        <Text className={styles.line}>{summary}</Text>
        {run.overall === 'pass' && now !== null && <ValidityLine run={run} now={now} className={styles.line} />}
        <Text className={styles.line}>
          {t('selfCheck.overall.judged', { time: formatDateTime(run.finishedAt, language), policy: policyName(run.policy.name) })}
        </Text>
        <Text className={styles.line}>
          {t('selfCheck.overall.device', {
            host: run.hostname,
            os: run.osDescription,
            ownership: t(`selfCheck.ownership.${run.ownership}`),
          })}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
