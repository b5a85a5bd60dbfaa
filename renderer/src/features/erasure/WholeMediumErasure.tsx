/**
 * Erasing a whole removable medium from the Erasure screen (issue 14; the ledger's USB sticks,
 * SD cards and external disks before reuse or disposal): choose an attached device — one that
 * holds the system, or is not removable, is listed but cannot be chosen, with the reason — see
 * its model, serial and size, confirm by typing the last characters of its serial, watch the
 * progress (cancel at any time). The result is kept in the vault like every erasure's (issue 19)
 * and opens in the Erasure screen's result view, where it is countersigned and its certificate
 * issued — the main process links it to the ledger item of that serial; leaving the screen or an
 * auto-lock before then loses nothing. When the app lacks the rights to open the
 * device, the screen says what is needed on this OS and offers the OS's own administrator
 * prompt (AdminRightsNotice).
 */
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ErasureMethod, SiteDetails } from '@shared/erasure';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import type { DeviceChoice, DeviceErasureSummary, WholeMediumTechnique } from '@shared/whole-medium';
import { ErrorState } from '../../components/ErrorState';
import { StickyActionBar } from '../../components/StickyActionBar';
import { BridgeError } from '../../lib/bridge';
import { useJob } from '../../lib/use-job';
import { useAppInfo } from '../system/use-system';
import { TransferProgress } from '../vault-files/TransferProgress';
import { AdminRightsNotice } from './AdminRightsNotice';
import { deviceName } from './device-name';
import { useEraseWholeMedium, useWholeMediumDevices, type WholeMediumStart } from './use-erasure';

const useStyles = makeStyles({
  section: {
    marginBottom: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  numeric: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/** What the person typed confirms this device: the serial's last characters (enough of them), or its device name. */
function confirms(device: DeviceChoice, typed: string): boolean {
  const entered = typed.normalize('NFKC').trim().toUpperCase();
  if (entered === '') return false;
  if (device.confirmation.kind === 'serial-end')
    return [...entered].length >= device.confirmation.length && (device.serial ?? '').toUpperCase().endsWith(entered);
  return entered === (device.path.split('/').pop() ?? '').toUpperCase();
}

export interface WholeMediumErasureProps {
  readonly method: ErasureMethod;
  readonly site: SiteDetails;
  /** The erasure has ended and its result is kept: the screen opens it in the result view. */
  readonly onFinished: (result: DeviceErasureSummary) => void;
}

export function WholeMediumErasure({ method, site, onFinished }: WholeMediumErasureProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const appInfo = useAppInfo();
  const devices = useWholeMediumDevices();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  // Overwrite unless the engineer picks one of the device's own sanitize techniques it offers now.
  const [technique, setTechnique] = useState<WholeMediumTechnique>('overwrite');
  const job = useJob();
  const list = devices.data?.devices ?? [];
  const chosen = list.find((d) => d.id === chosenId && d.refusal === null) ?? null;
  const erase = useEraseWholeMedium(job, (_start, result) => {
    setTyped('');
    setChosenId(null);
    onFinished(result);
  });
  const startErase = (start: WholeMediumStart) => erase.mutate(start);
  const needsAdmin = erase.error instanceof BridgeError && erase.error.code === 'ERASURE_DEVICE_NEEDS_ADMIN';
  const platform = appInfo.data?.platform ?? 'other';
  const canStart = chosen !== null && confirms(chosen, typed) && site.hospital.trim() !== '' && !job.current;
  const chosenForBar = chosen && canStart ? deviceName(chosen) : null;

  return (
    <section className={styles.section} aria-labelledby="whole-medium-heading" data-testid="whole-medium-erasure">
      <Subtitle1 as="h2" id="whole-medium-heading">
        {t('wholeMedium.title')}
      </Subtitle1>
      {/* The action first, in sight on a 1366×768 laptop; what it still needs is said beside it. */}
      <StickyActionBar
        summary={{
          id: 'whole-medium-summary',
          text: chosenForBar ? t('wholeMedium.bar.ready', { device: chosenForBar }) : t('wholeMedium.bar.hint'),
        }}
        testId="whole-medium-bar"
      >
        <Button
          appearance="primary"
          disabled={!canStart}
          aria-describedby="whole-medium-summary"
          onClick={() => {
            if (chosen) startErase({ device: chosen, chosenTechnique: technique, method, site, confirmation: typed });
          }}
        >
          {t('wholeMedium.start')}
        </Button>
      </StickyActionBar>
      {job.current && <TransferProgress kind="erase" job={job.current} onCancel={job.cancel} />}
      {/* Missing rights get their own notice, with the way to get them, rather than the bare error. */}
      {erase.isError && !needsAdmin && <ErrorState error={erase.error} />}
      {needsAdmin && erase.variables && (
        <AdminRightsNotice
          deviceId={erase.variables.device.id}
          devicePath={erase.variables.device.path}
          confirmation={typed}
          platform={platform}
          canGrant={erase.variables.chosenTechnique === 'overwrite' || platform === 'win32'}
          onGranted={() => startErase(erase.variables)}
        />
      )}
      <Text>{t('wholeMedium.intro')}</Text>
      <div className={styles.actions}>
        <Button icon={<ArrowClockwise20Regular />} onClick={() => void devices.refetch()} disabled={!!job.current}>
          {t('wholeMedium.refresh')}
        </Button>
      </div>
      {devices.isError && <ErrorState error={devices.error} onRetry={() => void devices.refetch()} />}
      {list.length === 0 && devices.isSuccess ? (
        <Text role="status">{t('wholeMedium.empty')}</Text>
      ) : (
        <RadioGroup
          aria-labelledby="whole-medium-heading"
          value={chosen?.id ?? ''}
          onChange={(_e, d) => {
            setChosenId(d.value);
            setTyped('');
            setTechnique('overwrite');
          }}
        >
          <Table aria-labelledby="whole-medium-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('wholeMedium.columns.choose')}</TableHeaderCell>
                <TableHeaderCell>{t('wholeMedium.columns.device')}</TableHeaderCell>
                <TableHeaderCell>{t('wholeMedium.columns.model')}</TableHeaderCell>
                <TableHeaderCell>{t('wholeMedium.columns.serial')}</TableHeaderCell>
                <TableHeaderCell className={styles.numeric}>{t('wholeMedium.columns.size')}</TableHeaderCell>
                <TableHeaderCell>{t('wholeMedium.columns.bus')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((device) => (
                <TableRow key={device.id}>
                  <TableCell>
                    {device.refusal === null ? (
                      <Radio value={device.id} aria-label={deviceName(device)} />
                    ) : (
                      <Text size={200} title={t(`errors.${device.refusal}`)}>
                        {t('wholeMedium.notSelectable', {
                          reason: t(`wholeMedium.refusal.${device.refusal}`, { defaultValue: t(`errors.${device.refusal}`) }),
                        })}
                      </Text>
                    )}
                  </TableCell>
                  <TableCell>{device.path}</TableCell>
                  <TableCell>{[device.vendor, device.model].filter(Boolean).join(' ') || '—'}</TableCell>
                  <TableCell>{device.serial ?? t('wholeMedium.noSerial')}</TableCell>
                  <TableCell className={styles.numeric}>
                    {device.sizeBytes === null ? '—' : formatBytes(device.sizeBytes, language)}
                  </TableCell>
                  <TableCell>{device.transport ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </RadioGroup>
      )}

      {chosen && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {t('wholeMedium.chosen', {
                  model: deviceName(chosen),
                  serial: chosen.serial ?? t('wholeMedium.noSerial'),
                  size: formatBytes(chosen.sizeBytes ?? 0, language),
                })}
              </MessageBarTitle>
              {t('wholeMedium.confirm.warning')}
            </MessageBarBody>
          </MessageBar>
          <Field label={t('wholeMedium.technique.label')}>
            <RadioGroup value={technique} onChange={(_e, d) => setTechnique(d.value as WholeMediumTechnique)}>
              <Radio value="overwrite" label={t('wholeMedium.technique.overwrite')} />
              {(chosen.sanitize ?? []).map((offer) =>
                offer.available ? (
                  <Radio key={offer.technique} value={offer.technique} label={t(`wholeMedium.technique.${offer.technique}`)} />
                ) : (
                  <Text key={offer.technique} size={200}>
                    {t(`wholeMedium.technique.${offer.technique}`)} —{' '}
                    {t('wholeMedium.technique.unavailable', { reason: offer.reason ? offer.reason[language === 'ja' ? 'ja' : 'en'] : '' })}
                  </Text>
                ),
              )}
            </RadioGroup>
          </Field>
          <div className={styles.actions}>
            <Field
              label={
                chosen.confirmation.kind === 'serial-end'
                  ? t('wholeMedium.confirm.serial', { length: chosen.confirmation.length })
                  : t('wholeMedium.confirm.name', { name: chosen.path.split('/').pop() })
              }
              required
            >
              <Input value={typed} onChange={(_e, d) => setTyped(d.value)} autoComplete="off" />
            </Field>
          </div>
        </>
      )}
    </section>
  );
}
