/**
 * Where a path is split for a middle ellipsis (table-cells.tsx): the end of a path is what tells
 * one file from another, so the last segment (the file name) stays whole when it is short enough,
 * else its last 16 characters; the start takes what room is left and is cut with 「…」.
 */

/** A file name longer than this keeps only its last `LONG_TAIL` characters in view. */
const WHOLE_NAME = 28;
const LONG_TAIL = 16;

export function splitForMiddleEllipsis(path: string): { head: string; tail: string } {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = slash >= 0 ? path.slice(slash) : path;
  const tailLength = name.length <= WHOLE_NAME ? name.length : LONG_TAIL;
  const cut = Math.max(0, path.length - tailLength);
  // A path no longer than its tail is shown whole, with nothing to leave out.
  return cut === 0 ? { head: '', tail: path } : { head: path.slice(0, cut), tail: path.slice(cut) };
}
