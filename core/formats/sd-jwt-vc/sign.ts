import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import type { JoseSigner } from '../../jose/signer.ts';
import { isPlainObject } from '../../json-limits.ts';
import { disclosureFrameOf } from './disclosable.ts';
import { holderJwkOf } from './holder-key.ts';
import { sdJwtSigningProblem, subjectIdOf } from './signing-problem.ts';

const seconds = (iso: unknown) => (typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : undefined);

/**
 * Signs a VC 2.0 credential (already validated) as an SD-JWT VC (typ dc+sd-jwt): its claims are the
 * credential's, with the registered claims an SD-JWT VC verifier looks for (iss, iat, nbf, exp,
 * vct, sub, cnf), and the learner's personal fields and each competency as disclosures
 * (disclosable.ts). The result carries every disclosure; the learner picks which to present.
 */
export async function signSdJwtVc(credential: Record<string, unknown>, signer: JoseSigner): Promise<string> {
  const problem = sdJwtSigningProblem(credential);
  if (problem) throw new TypeError(problem);
  const subject = subjectIdOf(credential) as string;
  const issuer = isPlainObject(credential.issuer) ? credential.issuer.id : credential.issuer;
  const schema = credential.credentialSchema;
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  const vct = isPlainObject(schema) && typeof schema.id === 'string' ? schema.id : String(types.at(-1));
  const validFrom = seconds(credential.validFrom);
  const validUntil = seconds(credential.validUntil);
  const sdJwt = new SDJwtVcInstance({
    signer: async (data) => Buffer.from(await signer.sign(Buffer.from(data, 'ascii'))).toString('base64url'),
    signAlg: signer.alg,
    hasher: digest,
    saltGenerator: generateSalt,
  });
  return sdJwt.issue(
    {
      ...credential,
      iss: issuer as string,
      ...(validFrom !== undefined ? { iat: validFrom, nbf: validFrom } : {}),
      ...(validUntil !== undefined ? { exp: validUntil } : {}),
      vct,
      sub: subject,
      cnf: { jwk: holderJwkOf(subject)! },
    },
    disclosureFrameOf(credential) as never,
    { header: { kid: signer.kid } },
  );
}
