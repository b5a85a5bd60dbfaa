/**
 * The object identifiers the CMS signatures, timestamp tokens and certificate checks share
 * (RFC 5652, RFC 3161, RFC 5035, RFC 5280), named once so that a signature and a timestamp
 * token can never disagree about what an attribute is.
 */
export const OID_DATA = '1.2.840.113549.1.7.1';
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
export const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
export const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
export const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
export const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
export const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
export const OID_SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14';
export const OID_EXTENDED_KEY_USAGE = '2.5.29.37';
export const OID_SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
export const OID_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
