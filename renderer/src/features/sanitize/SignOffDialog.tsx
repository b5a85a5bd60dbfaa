/**
 * Asks before signing: the engineer's electronic signature goes on a report that cannot be
 * taken back, so the dialog says who signs, who reviewed, and what the report will state.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import type { SanitizeVerdict } from './use-sanitize';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface SignOffDialogProps {
  readonly open: boolean;
  readonly engineer: string;
  readonly reviewer: string;
  /** Where the files are handed over, as one line; empty when not said. */
  readonly recipient: string;
  readonly counts: Readonly<Record<SanitizeVerdict, number>>;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}

export function SignOffDialog({ open, engineer, reviewer, recipient, counts, onCancel, onConfirm }: SignOffDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="sanitize-signoff-description">
        <DialogBody>
          <DialogTitle>{t('sanitize.signOff.confirm.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text id="sanitize-signoff-description" block>
              {t('sanitize.signOff.confirm.body')}
            </Text>
            <FactList
              facts={[
                [t('sanitize.signOff.engineer'), engineer],
                [t('sanitize.signOff.reviewerShort'), reviewer || t('sanitize.signOff.noReviewer')],
                [t('sanitize.signOff.recipientShort'), recipient || t('sanitize.signOff.noReviewer')],
                [t('sanitize.signOff.confirm.result'), t('sanitize.counts', { ...counts })],
              ]}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t('sanitize.signOff.confirm.submit')}
            </Button>
            <Button onClick={onCancel}>{t('sanitize.signOff.confirm.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
