/**
 * Whether the signed-in account is a local administrator on macOS and Linux, from its group
 * list as `id` prints it, twice: `id -G` (numbers) and `id -Gn` (names), one line each,
 * space-separated, same order. Both are read because a group list cut short looks exactly like
 * a shorter list, and "not in the admin group" must not rest on a list that lost its end: the
 * two answers must agree in length, or the list is not believed ('unrecognized'). A name with
 * a space (an Active Directory group on a bound Mac) also breaks the count, and is unknown too.
 */
import type { AdminAccountObservation } from '../../core/self-check/self-check-observations';

/** The administrators' groups: macOS admin; Debian/Ubuntu sudo (and Ubuntu's old admin); Fedora/RHEL wheel. */
export const ADMIN_GROUPS: Readonly<Record<'macos' | 'linux', readonly string[]>> = { macos: ['admin'], linux: ['sudo', 'wheel', 'admin'] };

/** What a local group name is made of (POSIX portable names, macOS's com.apple.* and _daemon groups). */
const GROUP_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\$?$/;

export function adminFromGroupLists(
  ids: string,
  names: string,
  adminGroups: readonly string[],
): Pick<AdminAccountObservation, 'state' | 'raw'> {
  const idList = ids.trim().split(/\s+/).filter(Boolean);
  const nameList = names.trim().split(/\s+/).filter(Boolean);
  const oneLine = !/\n/.test(ids.trim()) && !/\n/.test(names.trim());
  const wellFormed = idList.every((id) => /^\d+$/.test(id)) && nameList.every((name) => GROUP_NAME.test(name));
  if (!oneLine || idList.length === 0 || idList.length !== nameList.length || !wellFormed) {
    return { state: 'unrecognized', raw: `id -G gave ${idList.length} groups, id -Gn ${nameList.length}` };
  }
  const admin = nameList.filter((name) => adminGroups.includes(name));
  return admin.length > 0
    ? { state: 'admin', raw: `member of ${admin.join(', ')}` }
    : { state: 'standard', raw: `${nameList.length} groups, none of ${adminGroups.join(', ')}` };
}
