/**
 * The readiness gate as the engineer reads it: ready for a site visit, or why not — no
 * self-check yet, the last one too old, or the last one failed — with how long a pass
 * counts and when the last run was, in JST.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import type { Readiness } from '@shared/self-check';

export function ReadinessStatus({ readiness, className }: { readiness: Readiness; className?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const time = readiness.latestRun ? formatDateTime(readiness.latestRun.finishedAt, language) : '';
  return (
    <MessageBar
      className={className}
      intent={readiness.ready ? 'success' : 'warning'}
      layout="multiline"
      data-testid="self-check-readiness"
      data-reason={readiness.reason}
    >
      <MessageBarBody>
        <MessageBarTitle>{t(`selfCheck.readiness.title.${readiness.reason}`)}</MessageBarTitle>
        {t(`selfCheck.readiness.body.${readiness.reason}`, { time, hours: readiness.maxAgeHours })}
      </MessageBarBody>
    </MessageBar>
  );
}
