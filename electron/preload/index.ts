/**
 * The preload: exposes `window.fieldguard = { invoke, on }` and nothing else (checklist 3,
 * 20). Channel names are opaque strings here; the main process validates them. Event
 * listeners receive the payload only: the IpcRendererEvent (and its `sender`) never reaches
 * the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_TRANSPORT, INVOKE_TRANSPORT, type FieldGuardBridge } from '../shared/ipc/transport';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(EVENT_TRANSPORT, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: FieldGuardBridge = {
  // The page can hand anything through contextBridge, whatever the bridge's types say: String() stays.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion
  invoke: (channel, request) => ipcRenderer.invoke(INVOKE_TRANSPORT, String(channel), request),
  on: (event, listener) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- the page may pass a non-string
    const name = String(event);
    const set = listeners.get(name) ?? new Set();
    set.add(listener);
    listeners.set(name, set);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('fieldguard', bridge);
