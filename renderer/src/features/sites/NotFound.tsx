/** A site or system named in the address that is not (or no longer) on record, with the way back to the list. */
import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TextKey } from '../../i18n/text-key';
import { hrefOf } from './sites-route';

export function NotFound({ messageKey }: { messageKey: TextKey }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="sites-not-found">
      <MessageBarBody>
        {t(messageKey)} <Link href={hrefOf({ view: 'list' })}>{t('sites.backToList')}</Link>
      </MessageBarBody>
    </MessageBar>
  );
}
