/**
 * Typed text keys (issue 18): the i18next declaration that makes `t` check its keys; the type of a
 * key, so components that take a key as a prop are checked like a literal `t('…')` call; and the
 * one sanctioned way to name a key built from data at run time (an error code from the main
 * process, a visit template's step id): `dynamicKey`.
 */
import type { ParseKeys } from 'i18next';
import type { texts } from './texts';

/*
 * Tells i18next (and so react-i18next's `t`) which keys exist, so a misspelt or removed key fails
 * the type check instead of showing the raw key on a screen. The Japanese tree is the reference:
 * Japanese is the default and the fallback. Declared here rather than in a .d.ts so that every
 * program that compiles a component using `TextKey` (the test type check too) sees it.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: (typeof texts)['ja'] };
  }
}

/** Any key of the merged texts (see texts.ts); a plural key is named without its `_one`/`_other`. */
export type TextKey = ParseKeys;

/** The prefixes P for which `${P}.${Sub}` is a text key (distributes over the keys). */
type PrefixesOf<Sub extends string> = TextKey extends infer Key ? (Key extends `${infer Prefix}.${Sub}` ? Prefix : never) : never;

/**
 * The key prefixes under which every one of `Subs` exists — the type of a prop such as a settings
 * section's `textsKey`, which the component completes with its own sub-keys. (The intersection of
 * each sub-key's prefixes, taken through a function parameter, which infers an intersection.)
 */
export type TextPrefixWith<Subs extends string> = (Subs extends unknown ? (prefix: PrefixesOf<Subs>) => void : never) extends (
  prefix: infer Prefix,
) => void
  ? Prefix
  : never;

/**
 * The one escape from key checking, for keys the type checker cannot know because they are built
 * from data (error codes, template and step ids) at run time; their texts are held to by the tests
 * of the screens and templates that build them. It returns the key unchanged, so a missing text
 * still shows as its key, as before: the renderer has no console to warn on (lint forbids it), and
 * throwing would blank a screen over one missing word.
 */
export function dynamicKey(key: string): TextKey {
  return key as TextKey;
}
