/** The preload exposes `invoke` and `on`, nothing else, and never hands the page an IPC event. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_TRANSPORT, INVOKE_TRANSPORT, type FieldGuardBridge } from '../../electron/shared/ipc/transport';
import { recorded } from './fakes/fake-electron';

vi.mock('electron', () => import('./fakes/fake-electron'));

let bridge: FieldGuardBridge;

beforeAll(async () => {
  await import('../../electron/preload/index');
  bridge = recorded.exposedInMainWorld.get('fieldguard') as FieldGuardBridge;
});

function sendFromMain(name: unknown, payload: unknown): void {
  const sender = { send: () => {}, id: 1 };
  for (const listener of recorded.rendererListeners.get(EVENT_TRANSPORT) ?? []) listener({ sender, ports: [] }, name, payload);
}

describe('the preload bridge', () => {
  it('exposes exactly `fieldguard` with `invoke` and `on`', () => {
    expect([...recorded.exposedInMainWorld.keys()]).toEqual(['fieldguard']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('sends every request through the one contract transport', async () => {
    await bridge.invoke('disks.list', {});
    expect(recorded.rendererInvocations).toEqual([[INVOKE_TRANSPORT, 'disks.list', {}]]);
  });

  it('gives listeners the payload only, never the IpcRendererEvent or its sender', () => {
    const received: unknown[][] = [];
    bridge.on('prefs.changed', (...args: unknown[]) => received.push(args));
    sendFromMain('prefs.changed', { language: 'en' });
    expect(received).toEqual([[{ language: 'en' }]]);
  });

  it('stops calling a listener once it unsubscribes, and ignores other events', () => {
    const received: unknown[] = [];
    const off = bridge.on('prefs.changed', (payload) => received.push(payload));
    sendFromMain('something.else', 1);
    sendFromMain('prefs.changed', 2);
    off();
    sendFromMain('prefs.changed', 3);
    expect(received).toEqual([2]);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.on('prefs.changed', 'alert(1)' as never)).toThrow(TypeError);
  });
});
