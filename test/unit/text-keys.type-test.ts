/**
 * A type test, checked by `npm run typecheck` (tsconfig.test.json) and never run by vitest: the
 * screens' `t` refuses a key the texts do not hold (issue 18). Each `@ts-expect-error` fails the
 * type check if its line stops being an error — that is, if keys stop being checked (say the
 * i18next declaration in text-key.ts is lost). Kept out of renderer/src so text-keys.test.ts,
 * which reads every literal key there, does not find the deliberate misspellings.
 */
import { useTranslation } from 'react-i18next';
import type { TextKey, TextPrefixWith } from '../../renderer/src/i18n/text-key';

/** Shaped like a screen's hook, so `t` is exactly the one the screens call. */
export function useTypedKeys(): string[] {
  const { t } = useTranslation();
  const known: TextKey = 'dashboard.intro';
  // @ts-expect-error -- a misspelt key is not a TextKey.
  const misspelt: TextKey = 'dashboard.intr';
  const section: TextPrefixWith<'title' | 'save'> = 'settings.autoLock';
  // @ts-expect-error -- a prefix that lacks one of the sub-keys is refused.
  const lacking: TextPrefixWith<'title' | 'no-such-sub-key'> = 'settings.autoLock';
  const literal = t('dashboard.intro');
  const typed = t(known);
  // @ts-expect-error -- t refuses a key the texts do not hold.
  const wrong = t('no.such.key');
  return [literal, typed, String(wrong), misspelt, section, lacking];
}
