import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { envelopedCredential } from '../core/formats/envelopes.ts';
import { signVcJose, signVpJose } from '../core/formats/vc-jose-2.0/sign.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { message } from '../core/messages/index.ts';
import { conformancePath } from './support/conformance.ts';
import { postJson, type RunningSystem, startSystem } from './support/system.ts';
import {
  VC_DM2_JSON_LD_ONLY,
  VC_DM2_PLACEHOLDERS,
  VC_DM2_PRESENTATION_REFUSALS,
  VC_DM2_REFUSALS,
} from './support/vc-dm2-inputs.ts';

/**
 * The W3C VC Data Model 2.0 test-suite inputs, issue-then-verify over HTTP: each input is issued
 * (signed as VC 2.0 + JOSE by a test issuer, which sets its own DID as issuer when the input names
 * a valid one, as an issuer service does) and sent to the verifier. An `-ok` input must be
 * accepted by the data model checks (structure and signature valid); a `-fail` input must be
 * rejected with 400 or 422 and an invalid structure. `-fail-or-inject` inputs are rejected, not
 * repaired. Accreditation and anchoring are Skillmark's own requirements and not judged here.
 */
const DIR = conformancePath('vc-dm2');
const OUT_OF_SCOPE = VC_DM2_JSON_LD_ONLY;
const files = readdirSync(DIR).filter((f) => /-(ok|fail|fail-or-inject)\.json$/.test(f));
const scoped = files.filter((f) => !(f in OUT_OF_SCOPE));

const seed = (n: number) => Buffer.alloc(32, n);
const issuer = { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed(1))), key: ed25519PrivateKey(seed(1)) };
const holder = { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed(2))), key: ed25519PrivateKey(seed(2)) };
const kidOf = (did: string) => `${did}#${did.slice('did:key:'.length)}`;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const validId = (v: unknown) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);

/**
 * What an issuer service does with the input's issuer: use its own DID where the input names a
 * valid one, or names none (but in the input about a missing issuer). The suite's date
 * placeholders are replaced, as the suite does.
 */
function asIssued(input: Record<string, unknown>, keepMissingIssuer = false): Record<string, unknown> {
  const credential = { ...input };
  for (const field of ['validFrom', 'validUntil'])
    if (typeof input[field] === 'string' && input[field] in VC_DM2_PLACEHOLDERS)
      credential[field] = VC_DM2_PLACEHOLDERS[input[field]];
  if ((!('issuer' in input) && !keepMissingIssuer) || validId(credential.issuer)) credential.issuer = issuer.did;
  else if (
    isRecord(credential.issuer) &&
    (validId(credential.issuer.id) || Object.keys(credential.issuer).length === 0)
  )
    credential.issuer = { ...credential.issuer, id: issuer.did };
  return credential;
}

async function issue(input: Record<string, unknown>, keepMissingIssuer = false): Promise<string> {
  return signVcJose(asIssued(input, keepMissingIssuer), nodeJoseSigner(issuer.key, kidOf(issuer.did)));
}

describe('W3C VC Data Model 2.0 test-suite inputs, issue-then-verify', () => {
  let system: RunningSystem;
  const checksOf = (body: any): { check: string; status: string; reason: string; message: string }[] => [
    ...(body?.checks ?? []),
    ...(body?.credentials ?? []).flatMap((c: any) => c.checks),
  ];

  beforeAll(async () => {
    system = await startSystem({ env: { VERIFIER_RATE_LIMIT: '0' } });
  });

  afterAll(async () => {
    await system?.destroy();
  });

  it('out of scope, and why', () => {
    expect(Object.keys(OUT_OF_SCOPE).every((f) => files.includes(f))).toBe(true);
  });

  it('knows why every "-fail" input is refused', () => {
    const failing = (prefix: string) => scoped.filter((f) => f.startsWith(prefix) && !f.endsWith('-ok.json')).sort();
    expect(failing('credential-')).toEqual(Object.keys(VC_DM2_REFUSALS).sort());
    expect(failing('presentation-')).toEqual(Object.keys(VC_DM2_PRESENTATION_REFUSALS).sort());
  });

  it.each(scoped.filter((f) => f.startsWith('credential-')))('%s', async (file) => {
    const input = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    const token = await issue(input, file === 'credential-no-issuer-fail.json');
    const { status, body } = await postJson(`${system.verifierUrl}/credentials/verify`, {
      verifiableCredential: envelopedCredential(token),
    });
    const structure = checksOf(body).find((c) => c.check === 'structure');
    if (file.endsWith('-ok.json')) {
      expect(structure?.status, JSON.stringify(body?.checks)).toBe('valid');
      expect(checksOf(body).find((c) => c.check === 'signature')?.status).toBe('valid');
    } else {
      // Refused for the fault the input was written for.
      expect(status).toBe(422);
      expect(structure, JSON.stringify(body?.checks)).toMatchObject({
        status: 'invalid',
        reason: 'malformed_credential',
        message: message('malformed_credential', { detail: VC_DM2_REFUSALS[file]! }),
      });
    }
  });

  it.each(scoped.filter((f) => f.startsWith('presentation-')))('%s', async (file) => {
    const input = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    const credentials = Array.isArray(input.verifiableCredential)
      ? input.verifiableCredential
      : input.verifiableCredential === undefined
        ? undefined
        : [input.verifiableCredential];
    // Issue each embedded (unsecured) credential; envelopes (even one missing its type) and strings stay as they are.
    const issued =
      credentials &&
      (await Promise.all(
        credentials.map(async (c: unknown) =>
          isRecord(c) && c.type !== 'EnvelopedVerifiableCredential' && 'credentialSubject' in c
            ? envelopedCredential(await issue(c))
            : c,
        ),
      ));
    const { body: challenge } = await postJson(`${system.verifierUrl}/challenges`, {});
    const presentation: Record<string, unknown> = {
      ...input,
      ...(issued ? { verifiableCredential: issued } : {}),
      nonce: challenge.challenge,
    };
    if (validId(input.holder)) presentation.holder = holder.did;
    else if (isRecord(input.holder) && validId(input.holder.id))
      presentation.holder = { ...input.holder, id: holder.did };
    else if (input.holder === undefined) presentation.holder = holder.did;
    const token = await signVpJose(presentation, nodeJoseSigner(holder.key, kidOf(holder.did)));
    const { status, body } = await postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: token,
      options: { challenge: challenge.challenge },
    });
    const top = (name: string) => (body?.checks ?? []).find((c: { check: string }) => c.check === name)?.status;
    if (file.endsWith('-ok.json')) {
      expect(top('structure'), JSON.stringify(body?.checks)).toBe('valid');
      expect(top('presentation_signature')).toBe('valid');
      expect(top('challenge')).toBe('valid');
      for (const credential of body.credentials)
        expect(credential.checks.find((c: { check: string }) => c.check === 'structure').status).toBe('valid');
    } else {
      // Refused for the fault the input was written for, by the presentation's or the credential's structure.
      expect(status).toBe(422);
      const refused = checksOf(body).filter((c) => c.check === 'structure' && c.status === 'invalid');
      const { reason, detail } = VC_DM2_PRESENTATION_REFUSALS[file]!;
      expect(refused, JSON.stringify(body)).toEqual([
        expect.objectContaining({ reason, message: message(reason, { detail }) }),
      ]);
    }
  });
});
