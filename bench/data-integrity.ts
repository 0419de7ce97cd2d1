import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { didKeyOfJwk } from '../core/did-key-encoding.ts';
import { embeddedProofToken } from '../core/formats/data-integrity/token.ts';
import { type KeyLookup, readCredentialToken, VC_V2_CONTEXT } from '../core/formats/index.ts';
import { signVcJose } from '../core/formats/vc-jose-2.0/sign.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { conformancePath } from '../test/support/conformance.ts';
import { freshKeyPair } from '../test/support/keys.ts';
import { signDataIntegrity } from '../test/support/sign-data-integrity.ts';
import { DidKeyResolver } from '../verifier/index.ts';
import { rate, report } from './report.ts';

/**
 * Checking a Data Integrity proof (read + canonicalise + hash + signature, key already resolved and
 * cached) beside checking a VC 2.0 + JOSE credential's JWS with the same key, same run: what
 * JSON-LD canonicalisation costs over a JWS.
 */
const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'data-integrity');

export async function dataIntegrityBench(): Promise<void> {
  const ed25519 = freshKeyPair('ed25519');
  const p256 = freshKeyPair('ec', { namedCurve: 'P-256' });
  const resolver = new DidKeyResolver();
  const lookup: KeyLookup = async (did, kid, purpose) => ({ ok: true, key: await resolver.keyFor(did, kid, purpose) });
  const { proof: _proof, ...badge } = JSON.parse(readFileSync(conformancePath('openbadges', 'complete.json'), 'utf8'));
  const rows: Record<string, string | number>[] = [];
  const check = (token: string) => async () => {
    const read = readCredentialToken(token);
    if (!read.ok || (await read.value.checkProof(lookup)).status !== 'valid') throw new Error('did not verify');
  };
  const edDid = didKeyOfJwk(ed25519.publicKey.export({ format: 'jwk' }));
  const edKid = `${edDid}#${edDid.slice(8)}`;
  const jose = await signVcJose(
    { ...badge, '@context': [VC_V2_CONTEXT, ...badge['@context'].slice(1)], issuer: { ...badge.issuer, id: edDid } },
    nodeJoseSigner(ed25519.privateKey, edKid),
  );
  const joseRate = await rate(check(jose), 2000);
  rows.push({ proof: 'VC-JOSE 2.0 (EdDSA JWS)', 'per second': joseRate.toFixed(0), 'vs JOSE': '1.00x' });
  for (const [suite, pair] of [
    ['eddsa-jcs-2022', ed25519],
    ['eddsa-rdfc-2022', ed25519],
    ['ecdsa-rdfc-2019', p256],
  ] as const) {
    const did = didKeyOfJwk(pair.publicKey.export({ format: 'jwk' }));
    const signed = await signDataIntegrity(
      { ...badge, issuer: { ...badge.issuer, id: did } },
      pair.privateKey,
      `${did}#${did.slice(8)}`,
      suite,
    );
    const perSecond = await rate(check(embeddedProofToken(signed)!), 2000);
    rows.push({ proof: suite, 'per second': perSecond.toFixed(0), 'vs JOSE': `${(perSecond / joseRate).toFixed(2)}x` });
  }
  const small = JSON.parse(readFileSync(join(FIXTURES, 'vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json'), 'utf8'));
  const { proof: _smallProof, ...alumni } = small;
  const edSmall = await signDataIntegrity({ ...alumni, issuer: edDid }, ed25519.privateKey, edKid);
  const smallRate = await rate(check(embeddedProofToken(edSmall)!), 2000);
  rows.push({
    proof: 'eddsa-rdfc-2022, small (W3C example)',
    'per second': smallRate.toFixed(0),
    'vs JOSE': `${(smallRate / joseRate).toFixed(2)}x`,
  });
  report(
    'data-integrity',
    'Data Integrity proof checks (the Open Badges 3.0 "complete" example, 25 KB, unless said; key resolved and cached), one core',
    rows,
    [
      'JSON-LD expansion (jsonld, safe mode, bundled contexts) dominates the rdfc suites, and grows with the document and its contexts; JCS costs little more than a JWS.',
    ],
  );
}
