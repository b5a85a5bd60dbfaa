/**
 * 「PDF を保存」 and then 「フォルダーを開く」, where the document is (issue 19): every flow that
 * saves a signed PDF — a certificate in the list, a visit report, a sanitization or self-check
 * report, the ledger report — saves it the same way and says the same thing: the file's name,
 * and a button that opens the file manager at it. The path stays in the main process; the
 * renderer only holds the token a save answered with.
 */
import type { ReactElement } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, FolderOpen20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { SavedFile } from '@shared/app';
import { ErrorState } from './ErrorState';
import { useSavePdf, useShowSavedFile } from './save-pdf-channels';
import { strictLineBreaking } from './table-cells';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  note: strictLineBreaking,
});

/** 「フォルダーを開く」 for a file just saved, named after it for screen readers. */
export function OpenFolderButton({ file, size = 'medium' }: { file: SavedFile; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  const show = useShowSavedFile();
  return (
    <Button
      size={size}
      icon={<FolderOpen20Regular />}
      onClick={() => show.mutate(file.token)}
      aria-label={t('savePdf.openFolderFor', { fileName: file.fileName })}
    >
      {t('savePdf.openFolder')}
    </Button>
  );
}

/** What a save said: the file's name with 「フォルダーを開く」, or that nothing was saved. */
export function SavedFileNote({ file, saved, compact = false }: { file: SavedFile | null; saved: boolean; compact?: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.area}>
      <Text role="status" size={compact ? 200 : 300} className={styles.note}>
        {saved && file ? t('savePdf.saved', { fileName: file.fileName }) : t('savePdf.notSaved')}
      </Text>
      {saved && file && <OpenFolderButton file={file} size={compact ? 'small' : 'medium'} />}
    </div>
  );
}

export interface SavePdfActionProps {
  /** The stored certificate or report to save. */
  readonly certificateId: string;
  /** Its number, naming the button for screen readers. */
  readonly number: string;
  /** A smaller button and note, for a table row. */
  readonly compact?: boolean;
  readonly appearance?: 'primary' | 'secondary';
  /** The button's text, when not 「PDF を保存」 (e.g. 「報告書を保存」). */
  readonly label?: string;
  readonly icon?: ReactElement;
}

/** 「PDF を保存」 for a stored certificate or report, then what was saved and 「フォルダーを開く」. */
export function SavePdfAction({ certificateId, number, compact = false, appearance = 'secondary', label, icon }: SavePdfActionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const save = useSavePdf();
  const text = label ?? t('savePdf.save');
  return (
    <div className={styles.area} data-testid="save-pdf" data-certificate-id={certificateId}>
      <div className={styles.buttons}>
        <Button
          size={compact ? 'small' : 'medium'}
          appearance={appearance}
          icon={icon ?? <ArrowDownload20Regular />}
          disabledFocusable={save.isPending}
          onClick={() => save.mutate(certificateId)}
          aria-label={t('savePdf.saveFor', { label: text, number })}
        >
          {save.isPending ? t('savePdf.saving') : text}
        </Button>
      </div>
      {save.data && <SavedFileNote file={save.data.file} saved={save.data.saved} compact={compact} />}
      {save.isError && <ErrorState error={save.error} />}
    </div>
  );
}
