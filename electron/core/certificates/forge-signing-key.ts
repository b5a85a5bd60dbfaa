/**
 * Lets node-forge build certificates and CMS signatures while the private key stays in
 * Node's crypto (threat model: "Buffers holding keys are overwritten when no longer
 * needed"). Imported into forge, the key would become JavaScript big integers that can
 * never be wiped; here forge only hands over the SHA-256 digest it wants signed, and
 * OpenSSL applies RSASSA-PKCS1-v1_5 to it — the same bytes forge's own `sign` produces.
 */
import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import type forge from 'node-forge';

// DigestInfo prefix for SHA-256 (RFC 8017 §9.2, note 1).
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export function privateKeyFromPkcs8(privateKeyDer: Buffer): KeyObject {
  return createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
}

/** A stand-in for a forge RSA private key whose only working method is `sign`. */
export function forgeSigningKey(key: KeyObject): forge.pki.rsa.PrivateKey {
  const signer = {
    sign(md: forge.md.MessageDigest, scheme?: string): string {
      if (md.algorithm !== 'sha256') throw new Error(`unexpected digest ${md.algorithm}`);
      if (scheme !== undefined && scheme !== 'RSASSA-PKCS1-V1_5') throw new Error(`unexpected scheme ${scheme}`);
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      const signature = privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest]));
      return signature.toString('binary');
    },
  };
  // forge's certificate and PKCS#7 code call nothing but `sign` on the key it is given.
  return signer as unknown as forge.pki.rsa.PrivateKey;
}
