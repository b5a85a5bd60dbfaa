/**
 * Every screen of the app, in navigation order. A feature adds its screen here once; the
 * router and the navigation rail are both built from this list.
 */
import type { ReactElement } from 'react';
import {
  Board24Regular,
  BuildingMultiple24Regular,
  Certificate24Regular,
  DocumentBulletListClock24Regular,
  Eraser24Regular,
  Laptop24Regular,
  Settings24Regular,
  ShieldCheckmark24Regular,
  ShieldTask24Regular,
  Vault24Regular,
} from '@fluentui/react-icons';
import { AuditPage } from '../features/audit/AuditPage';
import { CertificatesPage } from '../features/certificates/CertificatesPage';
import { ErasurePage } from '../features/erasure/ErasurePage';
import { UsbStick24Regular } from '@fluentui/react-icons';
import { LedgerPage } from '../features/ledger/LedgerPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SanitizePage } from '../features/sanitize/SanitizePage';
import { SelfCheckPage } from '../features/self-check/SelfCheckPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SitesPage } from '../features/sites/SitesPage';
import { SystemPage } from '../features/system/SystemPage';
import { VaultFilesPage } from '../features/vault-files/VaultFilesPage';
import { ClipboardTaskListLtr24Regular } from '@fluentui/react-icons';
import { VisitsPage } from '../features/visits/VisitsPage';
import { Info24Regular } from '@fluentui/react-icons';
import { AboutPage } from '../features/about/AboutPage';
import type { TextKey } from '../i18n/text-key';

export interface Screen {
  /** The route below `#/`; '' is the start screen. */
  readonly path: string;
  /** i18n key of the navigation label. */
  readonly labelKey: TextKey;
  readonly icon: ReactElement;
  readonly element: ReactElement;
}

export const screens: readonly Screen[] = [
  { path: '', labelKey: 'nav.dashboard', icon: <Board24Regular />, element: <DashboardPage /> },
  { path: 'self-check', labelKey: 'nav.selfCheck', icon: <ShieldCheckmark24Regular />, element: <SelfCheckPage /> },
  { path: 'sites', labelKey: 'nav.sites', icon: <BuildingMultiple24Regular />, element: <SitesPage /> },
  { path: 'visits', labelKey: 'nav.visits', icon: <ClipboardTaskListLtr24Regular />, element: <VisitsPage /> },
  { path: 'vault', labelKey: 'nav.vault', icon: <Vault24Regular />, element: <VaultFilesPage /> },
  { path: 'erasure', labelKey: 'nav.erasure', icon: <Eraser24Regular />, element: <ErasurePage /> },
  { path: 'sanitize', labelKey: 'nav.sanitize', icon: <ShieldTask24Regular />, element: <SanitizePage /> },
  { path: 'certificates', labelKey: 'nav.certificates', icon: <Certificate24Regular />, element: <CertificatesPage /> },
  { path: 'ledger', labelKey: 'nav.ledger', icon: <UsbStick24Regular />, element: <LedgerPage /> },
  { path: 'audit', labelKey: 'nav.audit', icon: <DocumentBulletListClock24Regular />, element: <AuditPage /> },
  { path: 'system', labelKey: 'nav.system', icon: <Laptop24Regular />, element: <SystemPage /> },
  { path: 'settings', labelKey: 'nav.settings', icon: <Settings24Regular />, element: <SettingsPage /> },
  { path: 'about', labelKey: 'nav.about', icon: <Info24Regular />, element: <AboutPage /> },
];
