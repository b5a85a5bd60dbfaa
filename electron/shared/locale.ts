/**
 * The two languages of FieldGuard. Japanese is the default: it is what the engineers and
 * the sites read; English is for the vendor's other staff and auditors.
 */
import { z } from 'zod';

export const Language = z.enum(['ja', 'en']);
export type Language = z.infer<typeof Language>;
export const DEFAULT_LANGUAGE: Language = 'ja';

/** Picks the CLI's language the POSIX way: LC_ALL, then LC_MESSAGES, then LANG. */
export function languageFromEnvironment(env: Record<string, string | undefined>): Language {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (value === undefined) return DEFAULT_LANGUAGE;
  return value.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}

/** The IANA zone every date and time is shown in: the engineers and the sites are in Japan. */
export const DISPLAY_TIME_ZONE = 'Asia/Tokyo';
