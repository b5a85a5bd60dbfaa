/**
 * A new recovery key shown once — at setup and at each master-key rotation, which replaces
 * it (issue 17) — with print and save, the "I kept a copy" tick, and the read-back of two
 * groups. One component serves both, so the engineer sees the same key screen each time.
 */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { Print20Regular, Save20Regular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { invoke } from '../../lib/bridge';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, justifyContent: 'flex-end' },
  key: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, auto)',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    justifyContent: 'center',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero700,
    padding: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    listStyle: 'none',
  },
  groupNumber: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, display: 'block' },
});

/** The key as 8 numbered groups, print and save (the main process writes the file), and the kept-a-copy tick. */
export function RecoveryKeyGroups({
  groups,
  keptCopy,
  onKeptCopy,
}: {
  groups: readonly string[];
  keptCopy: boolean;
  onKeptCopy: (kept: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const save = useMutation({ mutationFn: () => invoke('vault.saveRecoveryKey', {}) });
  return (
    <>
      <ol className={styles.key} aria-label={t('vault.setup.recoveryKey')}>
        {groups.map((group, i) => (
          <li key={i}>
            <span className={styles.groupNumber}>{t('vault.setup.group', { number: i + 1 })}</span>
            {group}
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        <Button icon={<Print20Regular />} onClick={() => window.print()}>
          {t('vault.setup.print')}
        </Button>
        <Button icon={<Save20Regular />} onClick={() => save.mutate()} disabled={save.isPending}>
          {t('vault.setup.save')}
        </Button>
      </div>
      {save.data?.saved && (
        <MessageBar intent="success">
          <MessageBarBody>{t('vault.setup.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {save.isError && <ErrorState error={save.error} />}
      <Checkbox checked={keptCopy} onChange={(_e, d) => onKeptCopy(d.checked === true)} label={t('vault.setup.keptCopy')} />
    </>
  );
}

export type ReadBack = readonly [string, string];

/** The two groups typed back from the engineer's copy. */
export function RecoveryKeyReadBack({
  confirmGroups,
  answers,
  onAnswers,
  disabled,
}: {
  confirmGroups: readonly [number, number];
  answers: ReadBack;
  onAnswers: (answers: ReadBack) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {confirmGroups.map((group, i) => (
        <Field key={group} label={t('vault.setup.group', { number: group + 1 })} required>
          <Input
            value={answers[i]}
            onChange={(_e, d) => onAnswers(i === 0 ? [d.value, answers[1]] : [answers[0], d.value])}
            inputMode="numeric"
            autoComplete="off"
            maxLength={7}
            autoFocus={i === 0}
            disabled={disabled}
          />
        </Field>
      ))}
    </>
  );
}

/** What the main process checks: each answer's digits against its group. */
export function readBackAnswers(confirmGroups: readonly [number, number], answers: ReadBack) {
  return confirmGroups.map((group, i) => ({ group, digits: (answers[i] ?? '').replace(/\D/g, '') }));
}

export function readBackComplete(answers: ReadBack): boolean {
  return answers.every((a) => a.replace(/\D/g, '').length === 6);
}
