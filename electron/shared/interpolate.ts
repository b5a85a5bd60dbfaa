/** `{{name}}` placeholders filled as i18next fills them, for texts used outside the renderer (reports, CLI). */
export function interpolate(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
