/**
 * Every file of a run: its path, verdict (icon and word), true type (from its content, not its
 * name), size, and the reasons in plain words. A blocked file says where it went — the
 * encrypted quarantine in the vault — because it was never written to the output folder; a
 * file rebuilt by content disarm lists what was removed (folded), and a file delivered under
 * a safer name shows its original one.
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosed16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import { RemovedObjects } from './RemovedObjects';
import type { SanitizedFile } from './use-sanitize';
import { useSanitizeTexts } from './use-sanitize-texts';
import { VerdictBadge } from './VerdictBadge';
import { MiddleEllipsis, NumericCell, NumericHeaderCell, TextCell, strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '880px' },
  // The reasons are the longest text: they get what the other columns leave. A path stays on
  // one line (its middle left out, the whole of it in a tooltip), so its column can be narrow.
  path: { width: '22%', verticalAlign: 'top' },
  // 「引き渡し不可（隔離）」 on one line; the English "Not handed over (quarantined)" on two, between words.
  verdict: { width: '176px', verticalAlign: 'top' },
  type: { width: '140px' },
  size: { width: '76px', verticalAlign: 'top' },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  note: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', marginTop: tokens.spacingVerticalXXS },
  noteIcon: { flexShrink: 0, marginTop: '3px' },
  muted: { color: tokens.colorNeutralForeground3 },
  // Signature names and archive entries are long unbroken words: they wrap (only where nothing else fits) rather than push the table wider.
  cell: { paddingBlock: tokens.spacingVerticalS },
  originalName: { ...strictLineBreaking, color: tokens.colorNeutralForeground3 },
});

export function FilesTable({ files, labelledBy }: { files: readonly SanitizedFile[]; labelledBy: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const texts = useSanitizeTexts();
  const typeOf = (file: SanitizedFile) =>
    file.innerTypes.length > 0
      ? t('sanitize.files.withInner', {
          type: texts.typeName(file.type),
          inner: file.innerTypes.map(texts.typeName).join(t('sanitize.files.separator')),
        })
      : texts.typeName(file.type);

  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} className={styles.table} size="small" data-testid="sanitize-files">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.path}>{t('sanitize.files.columns.path')}</TableHeaderCell>
            <TableHeaderCell className={styles.verdict}>{t('sanitize.files.columns.verdict')}</TableHeaderCell>
            <TableHeaderCell className={styles.type}>{t('sanitize.files.columns.type')}</TableHeaderCell>
            <NumericHeaderCell className={styles.size}>{t('sanitize.files.columns.size')}</NumericHeaderCell>
            <TableHeaderCell>{t('sanitize.files.columns.reasons')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {files.map((file) => (
            <TableRow key={file.path} data-path={file.path} data-verdict={file.verdict}>
              <TableCell className={styles.path}>
                <MiddleEllipsis value={file.path} />
                {file.originalPath && (
                  <Text block size={200} className={styles.originalName} data-testid="sanitize-original-name">
                    {t('sanitize.files.originalName', { name: file.originalPath })}
                  </Text>
                )}
              </TableCell>
              <TableCell className={styles.verdict}>
                <VerdictBadge verdict={file.verdict} />
              </TableCell>
              <TextCell className={styles.type}>{typeOf(file)}</TextCell>
              <NumericCell className={styles.size}>{formatBytes(file.size, language)}</NumericCell>
              <TextCell className={styles.cell}>
                <div>
                  {file.removed !== undefined && file.verdict === 'sanitized' && <RemovedObjects removed={file.removed} path={file.path} />}
                  {file.findings.length === 0 ? (
                    file.removed === undefined && <Text className={styles.muted}>{t('sanitize.files.noFindings')}</Text>
                  ) : (
                    <ul className={styles.reasons}>
                      {file.findings.map((finding, index) => (
                        <li key={`${finding.code}-${index}`}>
                          <Text>{texts.reason(finding)}</Text>
                        </li>
                      ))}
                    </ul>
                  )}
                  {file.verdict === 'blocked' && (
                    <Text size={200} className={styles.note} data-testid="sanitize-quarantine-note">
                      <LockClosed16Regular className={styles.noteIcon} aria-hidden />
                      {file.quarantineItemId ? t('sanitize.files.quarantined') : t('sanitize.files.notDelivered')}
                    </Text>
                  )}
                </div>
              </TextCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
