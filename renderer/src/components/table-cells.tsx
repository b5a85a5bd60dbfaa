/**
 * What every table of the app shares (issue 19, "Tables"): text that breaks between phrases,
 * never inside a word nor before closing punctuation (Japanese 禁則, so no 「UNOFFICIA|L」 and no
 * line starting with 「、」); numbers right-aligned under right-aligned headers; badges and times
 * on one line; and paths on one line with the middle left out — the start and the file name stay
 * visible, the whole path is in a tooltip and one click copies it.
 *
 * Fluent's Table lays columns out at fixed widths, so a word breaks only when its column is
 * narrower than the word: tables give their columns widths (`width` on the header cell) that fit
 * their longest word, and these styles do the rest.
 */
import { useState, type ReactNode } from 'react';
import {
  Button,
  TableCell,
  TableHeaderCell,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
  type TableCellProps,
  type TableHeaderCellProps,
} from '@fluentui/react-components';
import { Checkmark16Regular, Copy16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../lib/use-channel';
import { splitForMiddleEllipsis } from './middle-ellipsis';

/**
 * Strict Japanese line breaking: `line-break: strict` keeps small kana and closing punctuation
 * off a line's start; `auto-phrase` breaks Japanese between phrases (Chromium's own segmenter,
 * for `lang="ja"`) and English only at spaces; a word longer than its column still breaks rather
 * than run into the next column (`break-word`: unlike `anywhere`, only when nothing else fits).
 * For styles of tables not built from these cells (spread it into a makeStyles rule).
 */
export const strictLineBreaking = { lineBreak: 'strict', wordBreak: 'auto-phrase', overflowWrap: 'break-word' } as const;

export const useTableCellStyles = makeStyles({
  text: { ...strictLineBreaking, verticalAlign: 'top' },
  /** A time, a badge, a number: split over two lines it is easy to misread. */
  nowrap: { whiteSpace: 'nowrap' },
  // Top-aligned like the text cells beside them, so a row's first lines line up.
  numeric: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', verticalAlign: 'top' },
  pathCell: { verticalAlign: 'top' },
  numericHeader: { justifyContent: 'flex-end', textAlign: 'end' },
  path: { display: 'flex', alignItems: 'center', minWidth: 0, gap: tokens.spacingHorizontalXXS },
  pathText: { display: 'flex', minWidth: 0, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  // The start gives way first (down to one character); only a name wider than the whole column is cut as well.
  head: { overflow: 'hidden', textOverflow: 'ellipsis', flexShrink: 1000, minWidth: '1em' },
  tail: { overflow: 'hidden', textOverflow: 'ellipsis', flexShrink: 1, minWidth: 0 },
  copy: { flexShrink: 0, minWidth: 'auto' },
  // Read by screen readers, not shown: the whole value (the visible one has its middle left out) and "copied".
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** A cell of ordinary text, broken the Japanese way. */
export function TextCell({ className, ...props }: TableCellProps) {
  const styles = useTableCellStyles();
  return <TableCell {...props} className={mergeClasses(styles.text, className)} />;
}

/** A number (a count, a size): right-aligned, digits lined up. */
export function NumericCell({ className, ...props }: TableCellProps) {
  const styles = useTableCellStyles();
  return <TableCell {...props} className={mergeClasses(styles.numeric, className)} />;
}

/** The header over a column of numbers, right-aligned like them. */
export function NumericHeaderCell(props: Omit<TableHeaderCellProps, 'button'>) {
  const styles = useTableCellStyles();
  return <TableHeaderCell {...props} button={{ className: styles.numericHeader }} />;
}

/**
 * A path (or any long identifier) on one line: its start, an ellipsis where the column is too
 * narrow, and its end; the whole value in a tooltip and a button that copies it.
 */
export function MiddleEllipsis({ value, label, children }: { value: string; label?: string | undefined; children?: ReactNode }) {
  const styles = useTableCellStyles();
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const { head, tail } = splitForMiddleEllipsis(value);
  // The renderer has no clipboard permission: the main process copies.
  const copyText = useChannelMutation('app.copyText', (send, text: string) => send({ text }));
  const copy = () => {
    copyText.mutate(value, {
      onSuccess: () => {
        setCopied(true);
        window.setTimeout(() => setCopied(false), 2000);
      },
    });
  };
  return (
    <span className={styles.path} data-full-value={value}>
      <Tooltip content={value} relationship="description" withArrow>
        {/* Focusable so the tooltip (the whole value) reaches keyboard users too. */}
        <span className={styles.pathText} tabIndex={0}>
          {children}
          {/* The start is only clipped on screen: its text, and so what a screen reader reads and what is copied, is whole. */}
          <span className={styles.head}>{head}</span>
          <span className={styles.tail}>{tail}</span>
        </span>
      </Tooltip>
      <Button
        className={styles.copy}
        size="small"
        appearance="subtle"
        icon={copied ? <Checkmark16Regular /> : <Copy16Regular />}
        aria-label={t('tableCells.copyValue', { value: label ?? value })}
        title={t(copied ? 'tableCells.copied' : 'tableCells.copy')}
        onClick={copy}
      />
      <span role="status" className={styles.hidden}>
        {copied ? t('tableCells.copied') : ''}
      </span>
    </span>
  );
}

/** A table cell holding one path on one line (MiddleEllipsis). */
export function PathCell({
  value,
  label,
  className,
  ...props
}: Omit<TableCellProps, 'children'> & { value: string; label?: string | undefined }) {
  const styles = useTableCellStyles();
  return (
    <TableCell {...props} className={mergeClasses(styles.pathCell, className)}>
      <MiddleEllipsis value={value} label={label} />
    </TableCell>
  );
}
