import { randomBytes } from 'node:crypto';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { formatNamed, readCredentialToken, readPresentationToken } from '../core/formats/index.ts';
import { choiceOf } from '../core/formats/sd-jwt-vc/disclosable.ts';
import { presentSdJwtVc } from '../core/formats/sd-jwt-vc/present.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { credentialFromIssueRequest } from '../issuer/index.ts';
import { qualificationRequest } from '../test/support/system.ts';
import { checkSignature, DidKeyResolver, ISSUER_SIGNATURE } from '../verifier/index.ts';
import { rate, report } from './report.ts';

const party = () => {
  const seed = randomBytes(32);
  const did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
  return { did, signer: nodeJoseSigner(ed25519PrivateKey(seed), `${did}#${did.slice('did:key:'.length)}`) };
};

/**
 * What selective disclosure costs: signing, reading and checking the README's example credential
 * as an SD-JWT VC (6 disclosures) against VC 2.0 + JOSE, and presenting it with a key-binding JWT,
 * measured in the same run (one core, sequential, did:key resolved offline).
 */
export async function sdJwtBench(): Promise<void> {
  const issuer = party();
  const learner = party();
  const resolver = new DidKeyResolver();
  // The verifier's signature check (the proof with the key its DID resolves to), as for a credential.
  const proofHolds = async (signed: Parameters<typeof checkSignature>[1], signer: string) =>
    (await checkSignature(ISSUER_SIGNATURE, signed, signer, resolver)).status === 'valid';
  const request = { ...qualificationRequest({ id: learner.did, learnerReference: 'L-2026-0042' }) };
  const { credential } = await credentialFromIssueRequest(
    { ...request, options: { format: 'sd-jwt-vc' } },
    issuer.did,
    new Date(),
  );
  const claims = credential as unknown as Record<string, unknown>;
  const verify = async (token: string) => {
    const read = readCredentialToken(token);
    if (!read.ok || !(await proofHolds(read.value, read.value.issuer))) throw new Error('not valid');
  };
  const rows: Record<string, string | number>[] = [];
  const figures: Record<string, { sign: number; verify: number }> = {};
  for (const name of ['vc-jose-2.0', 'sd-jwt-vc'] as const) {
    const format = formatNamed(name)!;
    const token = await format.sign(claims, issuer.did, issuer.signer);
    figures[name] = {
      sign: await rate(() => format.sign(claims, issuer.did, issuer.signer)),
      verify: await rate(() => verify(token)),
    };
    rows.push({
      format: name,
      'credential chars': token.length,
      'sign /s': Math.round(figures[name].sign),
      'read + check /s': Math.round(figures[name].verify),
      'sign vs vc-jose': (figures[name].sign / figures['vc-jose-2.0']!.sign).toFixed(2),
      'check vs vc-jose': (figures[name].verify / figures['vc-jose-2.0']!.verify).toFixed(2),
    });
  }
  const token = await formatNamed('sd-jwt-vc')!.sign(claims, issuer.did, issuer.signer);
  const picked = choiceOf(claims, ['name']);
  if (!picked.ok) throw new Error('choice');
  const binding = { nonce: 'bench-challenge', aud: 'verifier.example', iat: Math.floor(Date.now() / 1000) };
  const presentation = await presentSdJwtVc(token, picked.choice, { ...binding, holder: learner.signer });
  const presentRate = await rate(() => presentSdJwtVc(token, picked.choice, { ...binding, holder: learner.signer }));
  const checkPresentationRate = await rate(async () => {
    const read = readPresentationToken(presentation);
    if (!read.ok || !(await proofHolds(read.value, read.value.holder))) throw new Error('not valid');
    await verify(read.value.credentialTokens[0]!);
  });
  rows.push({
    format: 'sd-jwt-vc+kb (name only)',
    'credential chars': presentation.length,
    'sign /s': Math.round(presentRate),
    'read + check /s': Math.round(checkPresentationRate),
    'sign vs vc-jose': (presentRate / figures['vc-jose-2.0']!.sign).toFixed(2),
    'check vs vc-jose': (checkPresentationRate / figures['vc-jose-2.0']!.verify).toFixed(2),
  });
  report(
    'sd-jwt',
    "SD-JWT VC against VC 2.0 + JOSE, the README's example credential (EdDSA, did:key): size and rates in the same run",
    rows,
    [
      'sign: the issuer signing (for the presentation row: the wallet presenting, disclosures chosen and KB-JWT signed);',
      'read + check: structure, signature and every disclosure digest (presentation row: the KB-JWT too, then the credential).',
    ],
  );
}
