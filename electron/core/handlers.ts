/**
 * Wires the contract's channels to the core services. The main process, the CLI and the
 * browser harness all build their handlers here, from the same ports, so what the tests
 * exercise is what the app runs.
 */
import type { EventName, PayloadOf } from '../shared/contract';
import { describeApp, type AppIdentity } from './app/describe-app';
import { listVolumes, type ReadVolumes } from './disks/list-volumes';
import type { Handlers } from './ipc/router';
import type { Logger } from './logger';
import { createPreferencesStore } from './preferences/preferences-store';

export type EmitEvent = <E extends EventName>(event: E, payload: PayloadOf<E>) => void;

export interface CorePorts {
  readonly identity: AppIdentity;
  readonly readVolumes: ReadVolumes;
  readonly log: Logger;
  readonly emit: EmitEvent;
  readonly now?: () => Date;
}

export function createHandlers(ports: CorePorts): Handlers {
  const preferences = createPreferencesStore(ports.identity.dataDir, ports.log);
  return {
    'app.info': () => describeApp(ports.identity),
    'disks.list': () => listVolumes(ports.readVolumes, ports.now),
    'prefs.get': () => preferences.get(),
    'prefs.setLanguage': async ({ language }) => {
      const next = await preferences.setLanguage(language);
      ports.emit('prefs.changed', next);
      return next;
    },
  };
}
