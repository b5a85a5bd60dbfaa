/**
 * The OS settings page that fixes each check ("open the setting"), per OS. These exact URLs
 * are also the only non-web addresses the main process lets shell.openExternal open
 * (electron/main/external-links.ts): the renderer cannot ask for any other. Linux desktops have
 * no common URL scheme for their settings, so Linux has none.
 */
import type { CheckId, SelfCheckOs } from './self-check';

const WINDOWS_UPDATE = 'ms-settings:windowsupdate';
const MAC_SOFTWARE_UPDATE = 'x-apple.systempreferences:com.apple.Software-Update-Settings.extension';

export const SETTINGS_PAGES: Readonly<Record<SelfCheckOs, Readonly<Partial<Record<CheckId, string>>>>> = {
  windows: {
    firewall: 'windowsdefender://network',
    antivirus: 'windowsdefender://threat',
    osUpdates: WINDOWS_UPDATE,
    osVersion: WINDOWS_UPDATE,
    osSupported: WINDOWS_UPDATE,
    diskEncryption: 'ms-settings:deviceencryption',
    screenLock: 'ms-settings:signinoptions',
    wifi: 'ms-settings:network-wifi',
    remoteAccess: 'ms-settings:remotedesktop',
    bootProtection: 'windowsdefender://devicesecurity',
    clockSync: 'ms-settings:dateandtime',
    autoRun: 'ms-settings:autoplay',
    autoLogin: 'ms-settings:signinoptions',
    adminAccount: 'ms-settings:otherusers',
    fileSharing: 'ms-settings:network-advancedsettings',
    edr: 'windowsdefender://threat',
  },
  macos: {
    firewall: 'x-apple.systempreferences:com.apple.preference.security?Firewall',
    antivirus: MAC_SOFTWARE_UPDATE,
    osUpdates: MAC_SOFTWARE_UPDATE,
    osVersion: MAC_SOFTWARE_UPDATE,
    osSupported: MAC_SOFTWARE_UPDATE,
    diskEncryption: 'x-apple.systempreferences:com.apple.preference.security?FDE',
    screenLock: 'x-apple.systempreferences:com.apple.Lock-Screen-Settings.extension',
    wifi: 'x-apple.systempreferences:com.apple.wifi-settings-extension',
    remoteAccess: 'x-apple.systempreferences:com.apple.Sharing-Settings.extension',
    bootProtection: 'x-apple.systempreferences:com.apple.preference.security?General',
    clockSync: 'x-apple.systempreferences:com.apple.Date-Time-Settings.extension',
    autoLogin: 'x-apple.systempreferences:com.apple.Users-Groups-Settings.extension',
    adminAccount: 'x-apple.systempreferences:com.apple.Users-Groups-Settings.extension',
    fileSharing: 'x-apple.systempreferences:com.apple.Sharing-Settings.extension',
  },
  linux: {},
};

/** Every settings URL above, compared as exact strings. */
export const SETTINGS_PAGE_URLS: ReadonlySet<string> = new Set(Object.values(SETTINGS_PAGES).flatMap((pages) => Object.values(pages)));
