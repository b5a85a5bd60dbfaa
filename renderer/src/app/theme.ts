/**
 * FieldGuard's theme: Fluent 2's light theme as Windows 11 draws it, with the font stack a
 * Japanese Windows uses for its own UI. Without a named Japanese font, Chromium picked
 * whatever the system mapped "sans-serif" to (often MS PGothic on Japanese Windows); Segoe UI
 * Variable draws the Latin text and Yu Gothic UI, then Meiryo UI, the Japanese, as in Windows'
 * own apps; Noto Sans JP stands in on Linux.
 */
import { webLightTheme, type Theme } from '@fluentui/react-components';

const FONT_STACK = [
  '"Segoe UI Variable Text"',
  '"Segoe UI Variable"',
  '"Segoe UI"',
  '"Yu Gothic UI"',
  '"Meiryo UI"',
  '"Noto Sans JP"',
  '"Noto Sans CJK JP"',
  'sans-serif',
].join(', ');

export const fieldGuardTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: FONT_STACK,
  // Kanji at 12 px lose strokes on a laptop at 100 % scale: the smallest text is 13 px.
  fontSizeBase200: '13px',
  // Japanese lines need more air than Latin ones; Fluent's 20 px over 14 px is tight for kanji.
  lineHeightBase200: '20px',
  lineHeightBase300: '22px',
  lineHeightBase400: '26px',
};

export { TITLE_AREA_HEIGHT, WINDOW_GROUND } from '@shared/window-frame';
