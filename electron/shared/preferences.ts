/**
 * The `prefs.*` channels: settings that are not secret and are needed before the vault is
 * unlocked (the UI language). Anything sensitive belongs in the vault, not here.
 */
import { z } from 'zod';
import { defineChannel, defineEvent, noRequest } from './ipc/define';
import { Language } from './locale';

export const Preferences = z.object({
  language: Language,
});
export type Preferences = z.infer<typeof Preferences>;

export const preferenceChannels = {
  'prefs.get': defineChannel({ request: noRequest, response: Preferences }),
  'prefs.setLanguage': defineChannel({
    request: z.object({ language: Language }).strict(),
    response: Preferences,
  }),
};

export const preferenceEvents = {
  'prefs.changed': defineEvent(Preferences),
};
