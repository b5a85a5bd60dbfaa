/**
 * Whether one path is inside another, answered once for every feature that must not write,
 * erase or deliver outside a folder. `path.relative` gives `..` segments for a path outside;
 * testing `startsWith('..')` also refused names that merely begin with dots ("..CON", "...bak"),
 * so a file of that name could not be sanitized or erased. Only a whole `..` segment climbs out.
 */
import path from 'node:path';

type PathApi = typeof path.posix;

/** True when `relative`, as `pathApi.relative` returned it, leaves the folder it was measured from. */
export function climbsOut(relative: string, pathApi: PathApi = path): boolean {
  return relative === '..' || relative.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(relative);
}

/**
 * Whether `child` is inside `parent` (lexically, after resolving). `strictly` leaves out `parent`
 * itself — for "a file in this folder", not "this folder or below".
 */
export function isInside(
  child: string,
  parent: string,
  options: { readonly strictly?: boolean; readonly pathApi?: PathApi } = {},
): boolean {
  const pathApi = options.pathApi ?? path;
  const relative = pathApi.relative(parent, child);
  if (relative === '') return options.strictly !== true;
  return !climbsOut(relative, pathApi);
}
