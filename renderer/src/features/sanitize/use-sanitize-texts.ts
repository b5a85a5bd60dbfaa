/**
 * The sanitization's words on screen: verdict names and the reason of each finding come from
 * `sanitizeTexts.*` (the same JSON files the signed report and the CLI read), the friendly
 * name of a true type from `sanitize.types.*`. A code or type the texts do not know (a newer
 * main process) is shown as it is rather than hidden.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemovedObject, SanitizeFinding, SanitizeVerdict } from './use-sanitize';

export interface SanitizeTexts {
  verdictName(verdict: SanitizeVerdict): string;
  readonly typeName: (type: string) => string;
  reason(finding: SanitizeFinding): string;
  /** One object content disarm removed: what it was, where, and how many more of the kind. */
  removed(object: RemovedObject): { what: string; where: string; more: string | null };
}

export function useSanitizeTexts(): SanitizeTexts {
  const { t } = useTranslation();
  return useMemo(() => {
    const typeName = (type: string) => t(`sanitize.types.${type}`, { defaultValue: type });
    return {
      verdictName: (verdict) => t(`sanitizeTexts.verdict.${verdict}`),
      typeName,
      reason: (finding) => {
        const params = { ...finding.params };
        // The pipeline names types by id ('pe', 'html'); a person reads "Windows 実行ファイル".
        if (typeof params.type === 'string') params.type = typeName(params.type);
        // A failed rebuild names its reason by code (REBUILD_FAILED).
        if (typeof params.reason === 'string')
          params.reason = t(`sanitizeTexts.rebuildFailure.${params.reason}`, { defaultValue: params.reason });
        // `replace` keeps parameter names such as `language` apart from i18next's own options.
        const text = t(`sanitizeTexts.reason.${finding.code}`, { replace: params, defaultValue: finding.code });
        return finding.entry ? t('sanitize.result.inEntry', { text, entry: finding.entry }) : text;
      },
      removed: (object) => ({
        what: t(`sanitizeTexts.removed.${object.kind}`, { defaultValue: object.kind }),
        where: object.detail ? `${object.location} · ${object.detail}` : object.location,
        more: object.more ? t('sanitizeTexts.removedMore', { count: object.more }) : null,
      }),
    };
  }, [t]);
}
