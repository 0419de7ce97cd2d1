/**
 * The constants of the QR form of a credential bundle, version 1 (docs/qr.md). Changing any of
 * them, the dictionary included, makes a new version with a new prefix.
 */

/** QR alphanumeric characters only, so the whole text stays in alphanumeric mode. */
export const QR_BUNDLE_PREFIX = 'SM1:';
/** What every version's prefix looks like: "SM", the version number, a colon. */
export const VERSIONED_PREFIX = /^SM(\d{1,3}):/;

/** The QR alphanumeric character set (ISO/IEC 18004), which base45 (RFC 9285) was made for. */
export const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/** Alphanumeric characters a version 40 code holds at error correction M. */
export const QR_V40_M_CAPACITY = 3391;
/** The most any QR code holds in alphanumeric mode (version 40, error correction L): longer text is no QR code. */
export const MAX_QR_TEXT_LENGTH = 4296;
/** A version-1 bundle never inflates past this: a decompression bomb stops here. */
export const MAX_INFLATED_BYTES = 64 * 1024;
/** A receipt's proof of more steps would be a batch of more than 2^40 credentials (core/receipt.ts). */
export const MAX_PROOF_STEPS = 40;

/**
 * The preset deflate dictionary (RFC 1951 with a preset dictionary, as zlib's deflateSetDictionary):
 * the text every Skillmark credential repeats, so that only what differs costs bytes. Its exact
 * UTF-8 bytes are part of the format.
 */
export const DEFLATE_DICTIONARY = Buffer.from(
  [
    '"credentialSchema":{"id":"urn:skillmark:schema:qualification-credential:1","type":"JsonSchema"}',
    '{"alg":"EdDSA","kid":"did:key:z6Mk","typ":"vc+jwt","cty":"vc"}{"alg":"ES256","typ":"JWT"}',
    '"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:uuid:","issuer":"did:key:z6Mk","validFrom":"","validUntil":"',
    '{"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential","QualificationCredential"],',
    '"credentialSubject":{"id":"did:key:z6Mk","name":"","learnerReference":"","qualification":{"title":"",',
    '"level":{"framework":"EQF","value":""},"occupation":{"title":"","code":"","framework":"ISCO-08"},',
    '"competencies":[{"title":""},{"title":"',
    '"}],"awardedOn":"20',
    '"}},"sub":"did:key:z6Mk","jti":"urn:uuid:","nbf":17,"exp":17,"iss":"did:key:z6Mk',
  ].join(''),
  'utf8',
);
