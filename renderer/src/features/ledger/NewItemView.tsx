/**
 * Registering an item: from an attached medium (the form is pre-filled with what the hardware
 * reports; the engineer adds the asset number and the rest), or by hand. Once saved the new
 * item opens.
 */
import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { ItemForm } from './ItemForm';
import { LedgerBreadcrumb } from './LedgerBreadcrumb';
import { emptyItem, valuesFromMedium } from './item-draft';
import { useLedgerRoute } from './ledger-route';
import { useDetectedMedia, type DetectedMedium } from './use-ledger';

const useStyles = makeStyles({
  notice: { marginBottom: tokens.spacingVerticalL, maxWidth: '48em' },
});

export function NewItemView({ mount }: { mount: string | null }) {
  const { t } = useTranslation();
  const title = t(mount === null ? 'ledger.new.title' : 'ledger.new.fromHardwareTitle');
  return (
    <>
      <LedgerBreadcrumb current={title} />
      <PageHeading>{title}</PageHeading>
      {mount === null ? <NewItemForm mount={null} /> : <FromHardware mount={mount} />}
    </>
  );
}

function FromHardware({ mount }: { mount: string }) {
  const { t } = useTranslation();
  const media = useDetectedMedia();
  // The form is filled once, from the first reading; it is not refilled under the engineer's hands.
  if (media.isPending) return <Spinner size="small" label={t('ledger.attached.loading')} />;
  if (media.isError) return <ErrorState error={media.error} onRetry={() => void media.refetch()} />;
  return <NewItemForm mount={mount} found={media.data.media.find((medium) => medium.mount === mount) ?? null} />;
}

function NewItemForm({ mount, found = null }: { mount: string | null; found?: DetectedMedium | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { go } = useLedgerRoute();
  return (
    <>
      {mount !== null && (
        <div className={styles.notice}>
          {found ? (
            <MessageBar intent="info" layout="multiline" data-testid="ledger-prefilled">
              <MessageBarBody>{t('ledger.new.prefilled', { mount: found.mount, name: found.volumeLabel ?? found.mount })}</MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('ledger.new.detached', { mount })}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      {found?.registeredLabel && <Text role="status">{t('ledger.new.alreadyRegistered', { label: found.registeredLabel })}</Text>}
      <ItemForm
        item={null}
        initial={found ? valuesFromMedium(found) : emptyItem}
        initialBytes={found ? (found.deviceSizeBytes ?? found.sizeBytes) : null}
        label={t('ledger.new.title')}
        onSaved={(item) => go({ view: 'item', itemId: item.id }, { replace: true })}
        onCancel={() => go({ view: 'list' })}
      />
    </>
  );
}
