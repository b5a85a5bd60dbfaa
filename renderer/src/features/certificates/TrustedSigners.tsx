/**
 * The signers this engineer trusts besides themself: add one from a colleague's certificate
 * (PDF), their X.509 certificate or a list of fingerprints; remove one. Verification then
 * calls their certificates genuine instead of "signer unconfirmed".
 */
import { Button, MessageBar, MessageBarBody, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular, PersonAdd20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { invoke } from '../../lib/bridge';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '960px' },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  fingerprint: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

const trustedKey = ['certificates.trusted'] as const;

export function TrustedSigners() {
  const styles = useStyles();
  const { t } = useTranslation();
  const client = useQueryClient();
  const signers = useQuery({ queryKey: trustedKey, queryFn: () => invoke('certificates.trusted', {}) });
  const trust = useMutation({
    mutationFn: () => invoke('certificates.trust', {}),
    onSuccess: (result) => client.setQueryData(trustedKey, { signers: result.signers }),
  });
  const untrust = useMutation({
    mutationFn: (fingerprint: string) => invoke('certificates.untrust', { fingerprint }),
    onSuccess: (result) => client.setQueryData(trustedKey, result),
  });

  return (
    <section className={styles.section} aria-labelledby="certificates-trusted-heading">
      <Subtitle1 as="h2" id="certificates-trusted-heading">{t('certificates.trusted.title')}</Subtitle1>
      <Text>{t('certificates.trusted.intro')}</Text>
      <div>
        <Button icon={<PersonAdd20Regular />} onClick={() => trust.mutate()} disabled={trust.isPending}>{t('certificates.trusted.add')}</Button>
      </div>
      {trust.isError && <ErrorState error={trust.error} />}
      {trust.data && !trust.data.cancelled && (
        <MessageBar intent="success" role="status"><MessageBarBody>{t('certificates.trusted.added', { count: trust.data.added })}</MessageBarBody></MessageBar>
      )}
      <QueryView query={signers}>
        {({ signers: list }) =>
          list.length === 0 ? (
            <Text role="status">{t('certificates.trusted.empty')}</Text>
          ) : (
            <ul className={styles.list} aria-labelledby="certificates-trusted-heading">
              {list.map((signer) => (
                <li key={signer.fingerprint} className={styles.item}>
                  <div>
                    <Text block>{signer.label || t('certificates.trusted.unnamed')}</Text>
                    <Text className={styles.fingerprint}>{signer.fingerprint}</Text>
                  </div>
                  <Button size="small" icon={<Delete20Regular />} aria-label={t('certificates.trusted.remove', { label: signer.label || signer.fingerprint })} onClick={() => untrust.mutate(signer.fingerprint)} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
