/**
 * The overwrite methods an engineer can choose for erasure (10-1), in NIST SP 800-88 terms:
 * each is a "Clear" technique (overwriting through the file system), and erasing chosen files
 * is *partial* sanitization of the medium. Every method verifies its last pass by reading it
 * back in full; the passes before it are written and flushed but not read back.
 */
export const erasureMethods = ['random-verify', 'zeros-verify', 'three-pass'] as const;
export type ErasureMethod = (typeof erasureMethods)[number];

export const DEFAULT_ERASURE_METHOD: ErasureMethod = 'random-verify';

/** What one pass writes: the job's keyed AES-256-CTR stream, or zeros. */
export type PassPattern = 'random' | 'zeros';

const PASSES: Record<ErasureMethod, readonly PassPattern[]> = {
  'random-verify': ['random'],
  'zeros-verify': ['zeros'],
  'three-pass': ['random', 'random', 'zeros'],
};

export function passPatterns(method: ErasureMethod): readonly PassPattern[] {
  return PASSES[method];
}

/** The pattern of pass `pass` (1-based) of `method`. */
export function patternOfPass(method: ErasureMethod, pass: number): PassPattern {
  const pattern = PASSES[method][pass - 1];
  if (pattern === undefined) throw new RangeError(`${method} has no pass ${pass}`);
  return pattern;
}

export function isErasureMethod(value: string): value is ErasureMethod {
  return (erasureMethods as readonly string[]).includes(value);
}

/** The wording the certificate uses for a method's passes, e.g. "pass 1: AES-256-CTR keystream; verified". */
export function describePasses(method: ErasureMethod): string {
  const patterns = PASSES[method];
  return patterns
    .map((pattern, index) => {
      const what = pattern === 'random' ? 'AES-256-CTR keystream' : 'zeros (0x00)';
      return `pass ${index + 1}: ${what}${index === patterns.length - 1 ? ', read back and compared in full' : ', flushed to the device'}`;
    })
    .join('; ');
}
