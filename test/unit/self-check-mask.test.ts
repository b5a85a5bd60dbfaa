/**
 * Personal names never leave the laptop in a raw value or a recording: the user's name, the
 * host name, home folders of any user, and what the caller adds (an SSID), are masked, while
 * ordinary tool output around them is left as it was.
 */
import { describe, expect, it } from 'vitest';
import { maskPersonal } from '../../electron/platform/self-check/mask-personal';

const names = { users: ['tanaka'], hosts: ['FG-LAPTOP-07.corp.example', 'FG-LAPTOP-07'] };

describe('maskPersonal', () => {
  it('masks the user, the host and home folders of anyone, whole words only', () => {
    const text =
      "Deferred enablement appears to be active for user 'tanaka'.\nC:\\Users\\suzuki\\AppData on FG-LAPTOP-07; /home/sato/.config /Users/Shared/x tanakamura";
    expect(maskPersonal(text, { names })).toBe(
      "Deferred enablement appears to be active for user '<user>'.\nC:\\Users\\<user>\\AppData on <host>; /home/<user>/.config /Users/Shared/x tanakamura",
    );
  });

  it('masks what the caller knows is personal, and leaves root and system words alone', () => {
    expect(maskPersonal('yes:病院ゲスト：2F:WPA2', { names, extra: [{ value: '病院ゲスト：2F', mask: '<ssid>' }] })).toBe(
      'yes:<ssid>:WPA2',
    );
    expect(maskPersonal('/dev/mapper/vg0-root / ext4 rw 0 0', { names: { users: [], hosts: [] } })).toBe(
      '/dev/mapper/vg0-root / ext4 rw 0 0',
    );
  });
});
