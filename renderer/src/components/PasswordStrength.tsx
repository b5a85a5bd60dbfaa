/**
 * The strength meter under a new-password field (14-6): zxcvbn's score from the main
 * process (the same rule the vault enforces), and the reasons a password would be refused.
 */
import { Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { dynamicKey } from '../i18n/text-key';
import { useDebounced } from '../lib/use-debounced';
import type { Profile } from '@shared/vault';
import { useChannelQuery } from '../lib/use-channel';

const useStyles = makeStyles({
  problems: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
});

/** The main process's judgement of a password, asked once typing pauses; the meter and the setup wizard share one query. */
function usePasswordAssessment(password: string, profile?: Partial<Profile>) {
  const debounced = useDebounced(password, 200);
  const assessment = useChannelQuery(
    'vault.assessPassword',
    { password: debounced, profile },
    {
      enabled: debounced.length > 0,
      staleTime: Infinity,
      gcTime: 0,
    },
  );
  return { assessment, debounced };
}

/**
 * True only when the vault's rule accepts exactly this password: while the judgement of what
 * was typed is still on its way it is false, so a weak password never gets past 次へ.
 */
export function usePasswordAcceptable(password: string, profile?: Partial<Profile>): boolean {
  const { assessment, debounced } = usePasswordAssessment(password, profile);
  return password.length > 0 && debounced === password && assessment.data?.acceptable === true;
}

export function PasswordStrength({ password, profile }: { password: string; profile?: Partial<Profile> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { assessment } = usePasswordAssessment(password, profile);
  if (password.length === 0) return <Text size={200}>{t('password.rule')}</Text>;
  const data = assessment.data;
  // A refused password never shows as strong, whatever zxcvbn's raw score says.
  const shownScore = data ? (data.acceptable ? data.score : Math.min(data.score, 2)) : 0;
  return (
    <div aria-live="polite">
      <Field label={t('vault.password.strength')} hint={data ? t(dynamicKey(`password.strength.${shownScore}`)) : undefined}>
        <ProgressBar value={(shownScore + 1) / 5} thickness="large" color={data?.acceptable ? 'success' : 'warning'} />
      </Field>
      {data && data.problems.length > 0 && (
        <ul className={styles.problems}>
          {data.problems.map((problem) => (
            <li key={problem}>
              <Text size={200}>{t(`password.problems.${problem}`)}</Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
