/**
 * What the whole-medium erasure needs when FieldGuard may not open the device (issue 14), and the
 * way to get it: one button that brings up the OS's own administrator prompt (polkit on Linux,
 * the password dialog on macOS) for this device only, after which the erasure starts again by
 * itself; on Windows, where a raw disk opens only in an elevated process, the button restarts
 * FieldGuard as administrator through UAC. The device's own sanitize commands need more than
 * access to the device, so for them the notice says how to run the command line as root.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ShieldKeyhole20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useGrantDeviceAccess } from './use-erasure';

export interface AdminRightsNoticeProps {
  readonly deviceId: string;
  readonly devicePath: string;
  readonly confirmation: string;
  /** 'linux' | 'darwin' | 'win32' | anything else. */
  readonly platform: string;
  /** Only the overwrite can run with the access a prompt grants; the device's own sanitize needs root. */
  readonly canGrant: boolean;
  /** Called once access is granted: the erasure is tried again. */
  readonly onGranted: () => void;
}

/** The platforms with an administrator prompt of their own, each with its texts under `wholeMedium.admin`. */
const promptPlatforms = ['linux', 'win32', 'darwin'] as const;
const isPromptPlatform = (platform: string): platform is (typeof promptPlatforms)[number] =>
  (promptPlatforms as readonly string[]).includes(platform);

export function AdminRightsNotice({ deviceId, devicePath, confirmation, platform, canGrant, onGranted }: AdminRightsNoticeProps) {
  const { t } = useTranslation();
  const grant = useGrantDeviceAccess(onGranted);
  const ask = () => grant.mutate({ deviceId, confirmation });
  const known = isPromptPlatform(platform) ? platform : 'other';
  const promptable = canGrant && known !== 'other';
  return (
    <>
      <MessageBar intent="warning" layout="multiline" data-testid="whole-medium-admin">
        <MessageBarBody>
          <MessageBarTitle>{t('wholeMedium.admin.title')}</MessageBarTitle>
          {promptable ? t(`wholeMedium.admin.prompt.${known}`) : t(`wholeMedium.admin.${known}`, { path: devicePath })}
        </MessageBarBody>
        {promptable && (
          <MessageBarActions>
            <Button
              appearance="primary"
              icon={<ShieldKeyhole20Regular />}
              onClick={ask}
              disabled={grant.isPending || grant.data?.outcome === 'relaunching'}
            >
              {t(known === 'win32' ? 'wholeMedium.admin.relaunch' : 'wholeMedium.admin.allow')}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {grant.isPending && <span role="status">{t('wholeMedium.admin.waiting')}</span>}
      {grant.data?.outcome === 'relaunching' && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t('wholeMedium.admin.relaunching')}</MessageBarBody>
        </MessageBar>
      )}
      {grant.isError && <ErrorState error={grant.error} />}
    </>
  );
}
