/**
 * Every screen of the app, in navigation order. A feature adds its screen here once; the
 * router and the navigation rail are both built from this list.
 */
import type { ReactElement } from 'react';
import { Board24Regular, Laptop24Regular } from '@fluentui/react-icons';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SystemPage } from '../features/system/SystemPage';

export interface Screen {
  /** The route below `#/`; '' is the start screen. */
  readonly path: string;
  /** i18n key of the navigation label. */
  readonly labelKey: string;
  readonly icon: ReactElement;
  readonly element: ReactElement;
}

export const screens: readonly Screen[] = [
  { path: '', labelKey: 'nav.dashboard', icon: <Board24Regular />, element: <DashboardPage /> },
  { path: 'system', labelKey: 'nav.system', icon: <Laptop24Regular />, element: <SystemPage /> },
];
