/**
 * Interrupted erasure jobs (issue 14: interruptions are never lost). A job a crash, a power
 * cut or a killed `fieldguard erase` left unfinished is named here, with when it started, what
 * it was erasing and how much is left, until the engineer resumes it or abandons it with a
 * reason. Either way the job's one certificate covers every run, so the files erased before
 * the interruption are never left off it. Abandoning cannot be taken back: it is asked for in
 * the confirm dialog every destructive step uses, with a required reason the certificate prints.
 */
import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ErasureSummary } from '@shared/erasure';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAbandonErasure, useInterruptedErasures } from './use-erasure';

const useStyles = makeStyles({
  // Apart from what follows (the form's start bar), as the screen's sections are.
  notice: { marginBottom: tokens.spacingVerticalL },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, wordBreak: 'break-all' },
});

export function InterruptedErasures({
  busy,
  onResume,
  onAbandoned,
}: {
  busy: boolean;
  onResume: (erasureJobId: string) => void;
  onAbandoned: (summary: ErasureSummary) => void;
}) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const interrupted = useInterruptedErasures();
  const [abandoning, setAbandoning] = useState<string | null>(null);
  const abandon = useAbandonErasure();

  return (
    <>
      {(interrupted.data?.jobs ?? []).map((pending) => (
        <MessageBar
          key={pending.erasureJobId}
          className={styles.notice}
          intent="warning"
          layout="multiline"
          data-testid="erasure-interrupted"
        >
          <MessageBarBody>
            <MessageBarTitle>{t('erasure.interrupted.title')}</MessageBarTitle>
            <Text block>
              {t('erasure.interrupted.body', {
                date: formatDateTime(pending.createdAt, language),
                count: pending.remaining,
                total: pending.total,
                runs: pending.runs,
              })}
            </Text>
            <Text block weight="semibold">
              {t('erasure.interrupted.targets')}
            </Text>
            <ul className={styles.list}>
              {pending.targets.map((target) => (
                <li key={target}>{target}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => onResume(pending.erasureJobId)} disabled={busy}>
              {t('erasure.interrupted.resume')}
            </Button>
            <Button onClick={() => setAbandoning(pending.erasureJobId)} disabled={busy}>
              {t('erasure.interrupted.abandon')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
      {abandoning !== null && (
        <ConfirmDialog
          title={t('erasure.interrupted.abandonTitle')}
          confirmLabel={t('erasure.interrupted.confirmAbandon')}
          pendingLabel={t('erasure.interrupted.confirmAbandon')}
          cancelLabel={t('erasure.interrupted.cancel')}
          destructive
          describedBy="children"
          reason={{ label: t('erasure.interrupted.reason'), requiredMessage: t('erasure.interrupted.reason') }}
          pending={abandon.isPending}
          error={abandon.error}
          onConfirm={(reason) =>
            abandon.mutate(
              { erasureJobId: abandoning, reason },
              {
                onSuccess: (summary) => {
                  setAbandoning(null);
                  onAbandoned(summary);
                },
              },
            )
          }
          onCancel={() => setAbandoning(null)}
          testId="erasure-abandon-dialog"
        >
          {t('erasure.interrupted.abandonBody')}
        </ConfirmDialog>
      )}
    </>
  );
}
