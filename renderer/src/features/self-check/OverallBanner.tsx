/**
 * The verdict of a run at the top of its results: pass or fail (the MessageBar's icon and the
 * word), how many required checks did not pass, when it was judged (JST), against which
 * policy, and on which laptop.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import type { SelfCheckRun } from '@shared/posture';

const useStyles = makeStyles({
  line: { display: 'block' },
});

export function OverallBanner({ run }: { run: SelfCheckRun }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const failedRequired = run.checks.filter((check) => check.required && check.status !== 'pass').length;
  return (
    <MessageBar intent={run.overall === 'pass' ? 'success' : 'error'} layout="multiline" role="status" data-testid="self-check-overall" data-overall={run.overall}>
      <MessageBarBody>
        <MessageBarTitle>{t(`selfCheck.overall.title.${run.overall}`)}</MessageBarTitle>
        <Text className={styles.line}>
          {run.overall === 'pass' ? t('selfCheck.overall.summary.pass') : t('selfCheck.overall.summary.fail', { count: failedRequired })}
        </Text>
        <Text className={styles.line}>
          {t('selfCheck.overall.judged', { time: formatDateTime(run.finishedAt, language), policy: run.policy.name })}
        </Text>
        <Text className={styles.line}>
          {t('selfCheck.overall.device', { host: run.hostname, os: run.osDescription, ownership: t(`selfCheck.ownership.${run.ownership}`) })}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
