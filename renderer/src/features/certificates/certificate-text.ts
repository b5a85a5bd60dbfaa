/**
 * How certificates read on screen: a SHA-256 fingerprint in groups of four (so that it can be
 * compared with the contract group by group), the fingerprint an engineer typed or pasted
 * turned into what the main process compares (colons, spaces, upper case and full-width
 * characters are all accepted), and a distinguished name shown by its parts.
 */

/** Lowercase hex in groups of four, as contracts print it: "0307 cdb1 bc2d …". */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** What was typed, as the 64 lowercase hex digits the main process compares: NFKC (full-width to ASCII), no colons, no spaces. */
export function typedFingerprint(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s:-]/g, '')
    .toLowerCase();
}

export function isFingerprint(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}

/** One attribute of a distinguished name as @peculiar/x509 prints it ("CN=…, O=…, 2.5.4.5=…"). */
export interface NamePart {
  readonly type: string;
  readonly value: string;
}

/** Splits "CN=a, O=b\, c" into its attributes, undoing backslash escapes and quotes. */
export function nameParts(dn: string): NamePart[] {
  const parts: NamePart[] = [];
  let current = '';
  let quoted = false;
  const flush = () => {
    const equals = current.indexOf('=');
    if (equals > 0) parts.push({ type: current.slice(0, equals).trim(), value: current.slice(equals + 1).trim() });
    current = '';
  };
  for (let index = 0; index < dn.length; index += 1) {
    const char = dn[index] as string;
    if (char === '\\' && index + 1 < dn.length) {
      current += dn.charAt(index + 1);
      index += 1;
    } else if (char === '"') quoted = !quoted;
    else if ((char === ',' || char === '+') && !quoted) flush();
    else current += char;
  }
  flush();
  return parts;
}

const SERIAL_NUMBER = ['2.5.4.5', 'serialNumber', 'SERIALNUMBER'];

/** The common name (CN) of a distinguished name, or the whole name when it has none. */
export function commonName(dn: string): string {
  return nameParts(dn).find((part) => part.type.toUpperCase() === 'CN')?.value || dn;
}

/** An engineer's certificate subject as its three parts (name, company, employee id); null for a name without a CN. */
export function personOf(dn: string): { name: string; company: string; employeeId: string } | null {
  const parts = nameParts(dn);
  const name = parts.find((part) => part.type.toUpperCase() === 'CN')?.value;
  if (!name) return null;
  return {
    name,
    company: parts.find((part) => part.type.toUpperCase() === 'O')?.value ?? '',
    employeeId: parts.find((part) => SERIAL_NUMBER.includes(part.type))?.value ?? '',
  };
}
