/**
 * What the receiving-side check found, said plainly: whether the report is genuine, whether
 * the folder holds exactly the files it cleared, and — file by file — which ones were
 * changed, are missing, or are not in the report at all. Each list has an icon and a word,
 * never colour alone.
 */
import type { ReactElement } from 'react';
import { Body1Strong, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DocumentAdd16Regular, DocumentDismiss16Regular, Edit16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import { MiddleEllipsis } from '../../components/table-cells';
import type { ReceivedCheckReply } from '../sanitize/use-sanitize';

type Check = NonNullable<ReceivedCheckReply['check']>;
type ListKind = 'changed' | 'missing' | 'extra' | 'matched';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60em' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL },
  bad: { color: tokens.colorPaletteRedForeground1 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
});

/** Problems first: what the hospital must not trust is what it has to read. */
const ORDER: readonly ListKind[] = ['changed', 'missing', 'extra', 'matched'];

export function ReceivedCheckResult({ reply }: { reply: ReceivedCheckReply & { check: Check } }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { check } = reply;
  const genuine = reply.reportGenuine === true;
  const outcome = !genuine ? 'notGenuine' : check.matches ? 'matches' : 'differs';
  const icons: Record<ListKind, ReactElement> = {
    changed: <Edit16Regular className={styles.bad} aria-hidden />,
    missing: <DocumentDismiss16Regular className={styles.bad} aria-hidden />,
    extra: <DocumentAdd16Regular className={styles.bad} aria-hidden />,
    matched: <CheckmarkCircle16Filled className={styles.ok} aria-hidden />,
  };

  return (
    <section
      className={styles.root}
      aria-label={t('certificates.received.resultTitle')}
      data-testid="received-check"
      data-outcome={outcome}
    >
      <MessageBar intent={outcome === 'matches' ? 'success' : 'error'} layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{t(`certificates.received.outcome.${outcome}`)}</MessageBarTitle>
          {t(`certificates.received.explain.${outcome}`)}
        </MessageBarBody>
      </MessageBar>
      <FactList
        facts={[
          [t('certificates.received.number'), reply.number ?? '—'],
          [
            t('certificates.received.signature'),
            // Intact but from a signer this laptop does not know: say so, as the Verify section does.
            t(
              !genuine
                ? 'certificates.received.notGenuine'
                : reply.signerTrusted === false
                  ? 'certificates.received.genuineUntrusted'
                  : 'certificates.received.genuine',
            ),
          ],
          [
            t('certificates.received.summaryLabel'),
            t('certificates.received.summary', {
              matched: check.matched.length,
              changed: check.changed.length,
              missing: check.missing.length,
              extra: check.extra.length,
            }),
          ],
        ]}
      />
      {ORDER.filter((kind) => check[kind].length > 0).map((kind) => (
        <div key={kind} className={styles.group} data-list={kind}>
          <Body1Strong as="h3" id={`received-${kind}-heading`} className={styles.title}>
            {icons[kind]}
            {t(`certificates.received.lists.${kind}`, { count: check[kind].length })}
          </Body1Strong>
          <ul className={styles.list} aria-labelledby={`received-${kind}-heading`}>
            {check[kind].map((file) => (
              <li key={file}>
                {/* One line each, the middle left out when long: a list of paths stays a list, not a wall of broken lines. */}
                <MiddleEllipsis value={file} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
