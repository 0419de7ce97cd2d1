import { randomBytes } from 'node:crypto';
import { credentialHash } from '../../core/credential-hash.ts';
import { encodeQrBundle, worstCaseReceipt } from '../../core/qr-bundle/index.ts';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * For this folder's tests: a VC-JWT 1.1 credential of the qualification schema's shape (its
 * signature is random bytes: the certificate reads the structure, it never checks the proof),
 * and its QR text with a receipt of a 1,000-credential batch, as long as a real one.
 */
export function testCredential(subject: Record<string, unknown>): { credential: string; qrText: string } {
  const issuer = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
  const vc = {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    type: ['VerifiableCredential', 'QualificationCredential'],
    credentialSubject: subject,
    credentialSchema: { id: 'urn:skillmark:schema:qualification-credential:1', type: 'JsonSchema' },
  };
  const credential = [
    part({ alg: 'EdDSA', typ: 'JWT' }),
    part({ vc, iss: issuer, nbf: 1782820800, jti: 'urn:uuid:3f1c2b7e-5a64-4e1b-9d0a-7c2f8e6b1a90' }),
    randomBytes(64).toString('base64url'),
  ].join('.');
  const anchorReceipt = {
    ...worstCaseReceipt(credentialHash(credential), 1000),
    anchoredAt: '2026-07-01T09:00:00.000Z',
  };
  return { credential, qrText: encodeQrBundle({ credential, anchorReceipt }) };
}
