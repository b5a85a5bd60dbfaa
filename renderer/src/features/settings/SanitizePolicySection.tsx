/**
 * The sanitization policy (10-5): which true types may be handed to a site, which of them
 * content disarm rebuilds (or blocks, issue 15), and the vendor's release list that lets
 * known software packages through. Both are kept in the vault; each
 * change is audited. A run judges against the policy on record when it starts.
 */
import { useState, type SubmitEvent } from 'react';
import { Button, MessageBar, MessageBarBody, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { useImportReleaseList, useSanitizePolicy, useSetAllowedTypes, useSetRebuildBlockTypes } from '../sanitize/use-sanitize';
import { AllowedTypesFieldset, typesShown } from './AllowedTypesFieldset';
import { RebuildTypesFieldset, rebuildTypesShown } from './RebuildTypesFieldset';
import { ReleaseListPanel } from './ReleaseListPanel';
import { useActionNotice } from '../../lib/use-action-notice';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '60em' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  message: { marginTop: tokens.spacingVerticalM, maxWidth: '60em' },
});

type Notice = { readonly key: 'saved' | 'rebuildSaved' | 'notChosen' } | { readonly key: 'imported'; readonly count: number };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((type) => b.includes(type));

export function SanitizePolicySection({ className }: { className: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const policy = useSanitizePolicy();
  const save = useSetAllowedTypes();
  const importList = useImportReleaseList();
  const saveRebuild = useSetRebuildBlockTypes();
  // Null while nothing was edited: the checkboxes show the list on record.
  const [edited, setEdited] = useState<readonly string[] | null>(null);
  const [editedBlock, setEditedBlock] = useState<readonly string[] | null>(null);
  const { notice, setNotice, beginAction } = useActionNotice<Notice>(save, importList, saveRebuild);
  const busy = save.isPending || importList.isPending || saveRebuild.isPending;
  const error = save.error ?? importList.error ?? saveRebuild.error;

  return (
    <section className={className} aria-labelledby="settings-sanitize-heading" data-testid="settings-sanitize-policy">
      <Subtitle1 as="h2" id="settings-sanitize-heading" block>
        {t('settings.sanitizePolicy.title')}
      </Subtitle1>
      <Text className={styles.description}>{t('settings.sanitizePolicy.description')}</Text>
      <QueryView query={policy}>
        {(stored) => {
          const shown = typesShown(stored.allowedTypes);
          const draft = edited ?? stored.allowedTypes;
          const allowed = new Set(draft);
          const change = (type: string, value: boolean) => {
            if (notice || error) beginAction();
            // Kept in the order shown, so the saved list reads the same as the screen.
            setEdited(shown.filter((candidate) => (candidate === type ? value : allowed.has(candidate))));
          };
          const submit = (event: SubmitEvent) => {
            event.preventDefault();
            if (busy) return;
            beginAction();
            save.mutate([...draft], {
              onSuccess: () => {
                setEdited(null);
                setNotice({ key: 'saved' });
              },
            });
          };
          const storedBlock = stored.rebuildBlockTypes ?? [];
          const shownRebuild = rebuildTypesShown(storedBlock);
          const draftBlock = editedBlock ?? storedBlock;
          const blocked = new Set(draftBlock);
          const changeRebuild = (type: string, rebuild: boolean) => {
            if (notice || error) beginAction();
            setEditedBlock(shownRebuild.filter((candidate) => (candidate === type ? !rebuild : blocked.has(candidate))));
          };
          const submitRebuild = (event: SubmitEvent) => {
            event.preventDefault();
            if (busy) return;
            beginAction();
            saveRebuild.mutate([...draftBlock], {
              onSuccess: () => {
                setEditedBlock(null);
                setNotice({ key: 'rebuildSaved' });
              },
            });
          };
          return (
            <div className={styles.body}>
              <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="settings-sanitize-heading">
                <AllowedTypesFieldset shown={shown} allowed={allowed} onChange={change} />
                <div className={styles.actions}>
                  <Button appearance="primary" type="submit" disabled={sameSet(draft, stored.allowedTypes) || busy}>
                    {t('settings.sanitizePolicy.types.save')}
                  </Button>
                  {draft.length === 0 && <Text>{t('settings.sanitizePolicy.types.noneAllowed')}</Text>}
                </div>
              </form>
              <form className={styles.form} onSubmit={submitRebuild} noValidate aria-label={t('settings.sanitizePolicy.rebuild.legend')}>
                <RebuildTypesFieldset shown={shownRebuild} blocked={blocked} onChange={changeRebuild} />
                <div className={styles.actions}>
                  <Button appearance="primary" type="submit" disabled={sameSet(draftBlock, storedBlock) || busy}>
                    {t('settings.sanitizePolicy.rebuild.save')}
                  </Button>
                </div>
              </form>
              <ReleaseListPanel
                releases={stored.releases}
                busy={busy}
                onImport={() => {
                  beginAction();
                  importList.mutate(undefined, {
                    onSuccess: (result) => setNotice(result.imported ? { key: 'imported', count: result.releases } : { key: 'notChosen' }),
                  });
                }}
              />
            </div>
          );
        }}
      </QueryView>
      {notice && (
        <MessageBar className={styles.message} intent={notice.key === 'notChosen' ? 'info' : 'success'} role="status">
          <MessageBarBody>
            {t(`settings.sanitizePolicy.notice.${notice.key}`, notice.key === 'imported' ? { count: notice.count } : {})}
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <div className={styles.message}>
          <ErrorState error={error} />
        </div>
      )}
    </section>
  );
}
