import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformancePath } from '../../../test/support/conformance.ts';
import { parseCompactJws } from '../../jose/compact-jws.ts';
import { verifyJwsSignature } from '../../jose/verify-signature.ts';
import { applyDisclosures, disclosureDigest } from './disclosures.ts';
import { splitSdJwt } from './serialized.ts';

/** RFC 9901 §5.1 (the issuer's SD-JWT, every disclosure) with the issuer key of Appendix A.5. */
const vector = JSON.parse(readFileSync(conformancePath('sd-jwt', 'rfc9901-section5.1.json'), 'utf8')) as {
  issuerPublicJwk: Record<string, string>;
  issuerSignedJwt: string;
  disclosures: string[];
  sdJwtAllDisclosed: string;
};
const jws = parseCompactJws(vector.issuerSignedJwt);
const key = {
  id: 'issuer',
  alg: 'ES256' as const,
  key: createPublicKey({ key: vector.issuerPublicJwk, format: 'jwk' }),
};

describe('RFC 9901 §5.1 example SD-JWT', () => {
  it('splits into the issuer-signed JWT and its ten disclosures, with no key-binding JWT', () => {
    const split = splitSdJwt(vector.sdJwtAllDisclosed)!;
    expect(split.issuerJwt).toBe(vector.issuerSignedJwt);
    expect(split.disclosures).toEqual(vector.disclosures);
    expect(split.keyBindingJwt).toBeUndefined();
  });

  it("the issuer's signature holds with the Appendix A.5 key", () => {
    expect(jws.header).toEqual({ alg: 'ES256', typ: 'example+sd-jwt' });
    expect(verifyJwsSignature(key, jws.signingInput, jws.signature)).toBe(true);
  });

  it('every disclosure matches a digest the issuer signed, and puts the RFC’s claims in place', () => {
    const disclosed = applyDisclosures(jws.payload, vector.disclosures);
    expect(disclosed.problem).toBeUndefined();
    expect(disclosed.claims).toEqual({
      iss: 'https://issuer.example.com',
      iat: 1683000000,
      exp: 1883000000,
      sub: 'user_42',
      given_name: 'John',
      family_name: 'Doe',
      email: 'johndoe@example.com',
      phone_number: '+1-202-555-0101',
      phone_number_verified: true,
      address: { street_address: '123 Main St', locality: 'Anytown', region: 'Anystate', country: 'US' },
      birthdate: '1940-01-01',
      updated_at: 1570000000,
      nationalities: ['US', 'DE'],
      cnf: jws.payload.cnf,
    });
    expect(disclosed.paths).toContain('nationalities[1]');
    // The RFC's own digest for the "given_name" disclosure (§5.1).
    expect(jws.payload._sd).toContain(disclosureDigest(vector.disclosures[0]!));
  });

  it('a subset of disclosures shows only those claims (an undisclosed array element leaves no trace)', () => {
    const disclosed = applyDisclosures(jws.payload, [vector.disclosures[1]!, vector.disclosures[9]!]);
    expect(disclosed.problem).toBeUndefined();
    expect(disclosed.claims).toMatchObject({ family_name: 'Doe', nationalities: ['DE'] });
    expect(disclosed.claims).not.toHaveProperty('given_name');
    expect(disclosed.paths).toEqual(['nationalities[0]', 'family_name']);
  });

  it('refuses a changed disclosure and a duplicated one', () => {
    const changed = Buffer.from('["2GLC42sKQveCfGfryNRN9w", "given_name", "Jane"]').toString('base64url');
    expect(applyDisclosures(jws.payload, [changed]).problem?.reason).toBe('disclosure_digest_mismatch');
    expect(applyDisclosures(jws.payload, [changed]).claims).not.toHaveProperty('given_name');
    const first = vector.disclosures[0]!;
    expect(applyDisclosures(jws.payload, [first, first]).problem?.reason).toBe('disclosure_duplicated');
  });
});
