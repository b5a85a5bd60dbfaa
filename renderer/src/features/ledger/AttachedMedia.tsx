/**
 * The removable media attached to the laptop now, each with its make, model and serial as the
 * OS reports them, and whether the ledger knows it (matched by serial). One that is not
 * registered is pointed out, with the button that opens the registration form pre-filled.
 */
import { Badge, Button, Link, MessageBar, MessageBarBody, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowSync20Regular, CheckmarkCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { strictLineBreaking } from '../../components/table-cells';
import { QueryView } from '../../components/QueryView';
import { RecordsTable, type RecordsColumn } from '../sites/RecordsTable';
import { hrefOf, useLedgerRoute } from './ledger-route';
import { useDetectedMedia, type DetectedMedium } from './use-ledger';
import { useLedgerTexts } from './use-ledger-texts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: { margin: 0 },
  cell: { ...strictLineBreaking, paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top' },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  state: { width: '220px' },
});

export function AttachedMedia() {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const { go } = useLedgerRoute();
  const media = useDetectedMedia();
  const name = (medium: DetectedMedium) => medium.volumeLabel ?? medium.mount;

  const columns: RecordsColumn<DetectedMedium>[] = [
    {
      id: 'volume',
      header: t('ledger.attached.columns.volume'),
      cellClassName: styles.cell,
      cell: (medium) => (
        <div className={styles.stack}>
          <Text weight="semibold">{name(medium)}</Text>
          <Text size={200} className={`${styles.muted} ${styles.mono}`}>
            {medium.mount}
          </Text>
        </div>
      ),
    },
    {
      id: 'device',
      header: t('ledger.attached.columns.device'),
      cellClassName: styles.cell,
      cell: (medium) => (
        <div className={styles.stack}>
          <Text>{texts.or([medium.vendor ?? '', medium.model ?? ''].join(' '))}</Text>
          <Text size={200} className={`${styles.muted} ${styles.mono}`}>
            {medium.serial ? t('ledger.columns.serialValue', { serial: medium.serial }) : t('ledger.attached.noSerial')}
          </Text>
        </div>
      ),
    },
    {
      id: 'size',
      header: t('ledger.attached.columns.size'),
      cellClassName: styles.cell,
      cell: (medium) => (
        <div className={styles.stack}>
          <Text>{texts.bytes(medium.deviceSizeBytes ?? medium.sizeBytes)}</Text>
          <Text size={200} className={styles.muted}>
            {texts.type(medium.suggestedType)}
          </Text>
        </div>
      ),
    },
    {
      id: 'state',
      header: t('ledger.attached.columns.state'),
      headerClassName: styles.state,
      cellClassName: styles.cell,
      cell: (medium) =>
        medium.registeredItemId !== null ? (
          <div className={styles.stack}>
            <Badge appearance="tint" color="success" shape="rounded" icon={<CheckmarkCircle16Filled />}>
              {t('ledger.attached.registered')}
            </Badge>
            <Link href={hrefOf({ view: 'item', itemId: medium.registeredItemId })}>{medium.registeredLabel}</Link>
          </div>
        ) : (
          <div className={styles.stack}>
            <Badge appearance="tint" color="warning" shape="rounded" icon={<Warning16Filled />}>
              {t('ledger.attached.unregistered')}
            </Badge>
            <Button
              size="small"
              icon={<Add20Regular />}
              aria-label={t('ledger.attached.registerNamed', { name: name(medium) })}
              onClick={() => go({ view: 'new', mount: medium.mount })}
            >
              {t('ledger.attached.register')}
            </Button>
          </div>
        ),
    },
  ];

  return (
    <section className={styles.section} aria-labelledby="ledger-attached-heading" data-testid="ledger-attached">
      <div className={styles.header}>
        <Subtitle1 as="h2" id="ledger-attached-heading" className={styles.heading}>
          {t('ledger.attached.title')}
        </Subtitle1>
        <Button size="small" icon={<ArrowSync20Regular />} disabledFocusable={media.isFetching} onClick={() => void media.refetch()}>
          {t('ledger.attached.refresh')}
        </Button>
      </div>
      <QueryView query={media} loadingLabelKey="ledger.attached.loading">
        {({ media: list, unregistered }) =>
          list.length === 0 ? (
            <Text role="status">{t('ledger.attached.none')}</Text>
          ) : (
            <>
              {unregistered > 0 && (
                <MessageBar intent="warning" layout="multiline" data-testid="ledger-unregistered">
                  <MessageBarBody>{t('ledger.attached.unregisteredNotice', { count: unregistered })}</MessageBarBody>
                </MessageBar>
              )}
              <RecordsTable
                labelledBy="ledger-attached-heading"
                testId="ledger-attached-table"
                minWidth="760px"
                columns={columns}
                rows={list}
                rowKey={(medium) => medium.mount}
                rowProps={(medium) => ({ 'data-mount': medium.mount }) as Record<string, string>}
              />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
