/**
 * Before an import: which visit or case (訪問・案件) the files belong to. Required; the
 * collections already in the vault are offered, and the last one used is filled in. The
 * name is remembered in memory only: it may name a site, and nothing about a site is kept
 * outside the encrypted vault.
 */
import { useState, type SubmitEvent } from 'react';
import {
  Button,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Option,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const MAX_LENGTH = 200;

export function CollectionDialog({
  pick,
  collections,
  initialValue,
  onSubmit,
  onDismiss,
}: {
  pick: 'files' | 'folder';
  collections: readonly string[];
  initialValue: string;
  onSubmit: (collection: string) => void;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [value, setValue] = useState(initialValue);
  const [showError, setShowError] = useState(false);
  const trimmed = value.trim();
  const invalid = trimmed === '';
  const matching = collections.filter((name) => name.toLowerCase().includes(trimmed.toLowerCase()));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (invalid) {
      setShowError(true);
      return;
    }
    onSubmit(trimmed);
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onDismiss()}>
      <DialogSurface aria-describedby="collection-dialog-intro">
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t(`vaultFiles.collectionDialog.title.${pick}`)}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text id="collection-dialog-intro">{t(`vaultFiles.collectionDialog.intro.${pick}`)}</Text>
              <Field
                label={t('vaultFiles.collectionDialog.label')}
                required
                hint={t('vaultFiles.collectionDialog.hint')}
                validationState={showError && invalid ? 'error' : 'none'}
                validationMessage={showError && invalid ? t('vaultFiles.collectionDialog.required') : undefined}
              >
                <Combobox
                  freeform
                  autoFocus
                  value={value}
                  maxLength={MAX_LENGTH}
                  onChange={(event) => setValue(event.target.value)}
                  onOptionSelect={(_event, data) => setValue(data.optionText ?? '')}
                  expandIcon={collections.length === 0 ? null : undefined}
                >
                  {matching.map((name) => (
                    <Option key={name} value={name}>
                      {name}
                    </Option>
                  ))}
                </Combobox>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                {t(`vaultFiles.collectionDialog.next.${pick}`)}
              </Button>
              <Button onClick={onDismiss}>{t('vaultFiles.collectionDialog.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
