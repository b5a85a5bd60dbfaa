/**
 * Whether an erased folder is one of a system's data locations (GUIDELINE.md §5). The profile
 * names Windows paths (`D:\MainImage`); the erasure certificate records the path as the laptop
 * saw it — `D:\MainImage` on the server's own disk, `/media/engineer/D/MainImage` for a disk
 * attached to the laptop. So a location is covered when the erased path ends with the
 * location's path, compared segment by segment without case, the drive letter standing for a
 * folder of that name, and `<version>`-style placeholders matching any one segment.
 */
function segments(path: string): string[] {
  return path
    .replaceAll('\\', '/')
    .split('/')
    .map((segment) => segment.replace(/^([A-Za-z]):$/, '$1').toLowerCase())
    .filter((segment) => segment.length > 0);
}

export function locationCovered(location: string, erasedPath: string): boolean {
  const wanted = segments(location);
  const erased = segments(erasedPath);
  if (wanted.length === 0 || erased.length < wanted.length) return false;
  const tail = erased.slice(erased.length - wanted.length);
  return wanted.every((segment, i) => (/^<[^>]+>$/.test(segment) ? true : segment === tail[i]));
}
