/**
 * A ClamAV signature database for tests, written at test time: the machine (and CI) is
 * offline and has no official signatures, and none may be committed.
 *
 * It holds one `.hdb` line `md5:size:name` for the EICAR test file: a hash signature matches
 * a whole file with exactly that content. ClamAV unpacks archives and scans each entry as a
 * file of its own, so the same line also finds EICAR inside a zip, and inside a zip in a zip
 * (checked by test/integration/antivirus-clamav.test.ts). A renamed EICAR is found too:
 * a hash does not look at names.
 *
 * The EICAR string itself is written only at test time, so no file in the repository trips a
 * real scanner on a developer's machine.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The standard 68-byte EICAR anti-virus test file (eicar.org), assembled from two halves so
 * this source file itself does not contain the string a scanner looks for.
 */
export const EICAR = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');

/** The name in the .hdb line. */
export const EICAR_SIGNATURE = 'FieldGuard.Test.EICAR';
/** What ClamAV reports: it appends ".UNOFFICIAL" to signatures from an unsigned database. */
export const EICAR_DETECTION = `${EICAR_SIGNATURE}.UNOFFICIAL`;

/** Writes the database into `directory` (created if needed) and returns the directory. */
export async function writeClamavTestDatabase(directory: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const md5 = createHash('md5').update(EICAR).digest('hex');
  await writeFile(path.join(directory, 'fieldguard-test.hdb'), `${md5}:${EICAR.length}:${EICAR_SIGNATURE}\n`);
  return directory;
}
