/**
 * The path whose medium is asked for, resolved through symbolic links (and junctions) first:
 * a link's own volume is not where its destination's data lies. A target that no longer exists
 * (already erased) resolves through its nearest existing folder.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

export async function resolveThroughLinks(target: string): Promise<string> {
  let existing = path.resolve(target);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(target);
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}
