/**
 * One answer to "is this path inside that folder" for erasure targets, sanitization output,
 * data-folder backups and Office package parts: `..` segments leave, names starting with dots do not.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { climbsOut, isInside } from '../../electron/core/path-inside';

describe('isInside', () => {
  it('keeps a child whose name starts with dots inside, and a real `..` outside', () => {
    expect(isInside('/out/..CON', '/out')).toBe(true);
    expect(isInside('/out/...bak/x', '/out')).toBe(true);
    expect(isInside('/out/../x', '/out')).toBe(false);
    expect(isInside('/outside', '/out')).toBe(false);
    expect(isInside('/', '/out')).toBe(false);
  });

  it('counts the folder itself unless asked strictly', () => {
    expect(isInside('/out', '/out')).toBe(true);
    expect(isInside('/out', '/out', { strictly: true })).toBe(false);
    expect(isInside('/out/a', '/out', { strictly: true })).toBe(true);
  });

  it('measures Windows paths with the Windows rules, wherever it runs', () => {
    expect(isInside('C:\\Data\\..CON', 'C:\\Data', { pathApi: path.win32 })).toBe(true);
    expect(isInside('C:\\Data\\..\\Windows', 'C:\\Data', { pathApi: path.win32 })).toBe(false);
    expect(isInside('D:\\Data', 'C:\\Data', { pathApi: path.win32 })).toBe(false);
  });

  it('reads `..` only as a whole segment', () => {
    expect(climbsOut('..', path.posix)).toBe(true);
    expect(climbsOut('../a', path.posix)).toBe(true);
    expect(climbsOut('..a', path.posix)).toBe(false);
    expect(climbsOut('/abs', path.posix)).toBe(true);
  });
});
