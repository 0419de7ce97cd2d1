import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createVerifiableCredentialJwt } from 'did-jwt-vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { type Holder, signPresentation } from '../wallet-cli/sign-presentation.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  runWallet,
  startSystem,
  tempDir,
} from './support/system.ts';

/**
 * A qualification travels from a training centre to an employer on real parts: the system runs
 * as `npm start` does (local ledger, contracts, issuer, verifier), the learner uses the real CLI.
 */

function newHolder(): Holder {
  const seed = randomBytes(32);
  return { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
}

type Check = { check: string; status: string; reason: string };
const allChecks = (body: { checks: Check[]; credentials?: { checks: Check[] }[] }): Check[] => [
  ...body.checks,
  ...(body.credentials ?? []).flatMap((c) => c.checks),
];
const failing = (body: { checks: Check[]; credentials?: { checks: Check[] }[] }) =>
  allChecks(body)
    .filter((c) => c.status === 'invalid')
    .map((c) => `${c.check}:${c.reason}`);

describe('end to end', () => {
  let system: RunningSystem;
  let walletEnv: Record<string, string>;
  let learnerDid: string;
  let bundle: { credential: string; anchorReceipt: any };

  const present = async (holder: Holder, credentials: { credential: string; anchorReceipt?: any }[]) => {
    const { body: challenge } = await postJson(`${system.verifierUrl}/challenges`, {});
    const domain = new URL(system.verifierUrl).host;
    const jwt = await signPresentation(holder, credentials, challenge.challenge, domain);
    const request = { verifiablePresentation: jwt, options: { challenge: challenge.challenge, domain } };
    return { request, ...(await postJson(`${system.verifierUrl}/presentations/verify`, request)) };
  };

  beforeAll(async () => {
    system = await startSystem();
    walletEnv = {
      SKILLMARK_WALLET_DIR: tempDir('skillmark-wallet-'),
      SKILLMARK_WALLET_PASSPHRASE: 'a long learner passphrase',
      SKILLMARK_ISSUER_URL: system.issuerUrl,
      SKILLMARK_VERIFIER_URL: system.verifierUrl,
    };
  });

  afterAll(async () => {
    await system?.destroy();
    if (walletEnv) rmSync(walletEnv.SKILLMARK_WALLET_DIR!, { recursive: true, force: true });
  });

  it('issues, anchors, receives in the wallet CLI and presents: valid with every check passing', async () => {
    const init = await runWallet(['init', '--json'], walletEnv);
    expect(init.code, init.stderr).toBe(0);
    learnerDid = JSON.parse(init.stdout).did;
    expect(learnerDid).toMatch(/^did:key:z6Mk/);

    const issued = await issue(system, qualificationRequest({ id: learnerDid }));
    expect(issued.status).toBe(201);
    expect(issued.body.status).toBe('pending');
    expect(issued.body.verifiableCredential.type).toBe('EnvelopedVerifiableCredential');

    const received = await runWallet(['receive', issued.body.claim.url, '--wait', '60', '--json'], walletEnv);
    expect(received.code, received.stderr).toBe(0);
    expect(JSON.parse(received.stdout).added).toBe(true);

    const presented = await runWallet(['present', '1', '--json'], walletEnv);
    expect(presented.code, presented.stderr).toBe(0);
    const result = JSON.parse(presented.stdout);
    expect(result.verdict).toBe('valid');
    const checks = allChecks(result);
    expect(checks.map((c) => c.check)).toEqual(
      expect.arrayContaining([
        'presentation_signature',
        'challenge',
        'holder_binding',
        'signature',
        'issuer_accredited',
        'anchored',
        'not_revoked',
        'validity_period',
        'schema',
      ]),
    );
    expect(checks.filter((c) => c.status !== 'valid')).toEqual([]);

    bundle = await claimWhenAnchored(issued.body.claim.url);
  });

  it('a tampered claim fails the signature check', async () => {
    const [header, payload, signature] = bundle.credential.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.vc.credentialSubject.qualification.title = 'Master Electrician';
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const learner = await learnerHolder();
    const { status, body } = await present(learner, [{ credential: tampered, anchorReceipt: bundle.anchorReceipt }]);
    expect(status).toBe(422);
    expect(body.verdict).toBe('invalid');
    expect(failing(body)).toContain('signature:signature_invalid');
  });

  it('a credential from an unaccredited issuer fails the accreditation check', async () => {
    const rogueSeed = randomBytes(32);
    const rogueDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(rogueSeed));
    const learner = await learnerHolder();
    const credential = await createVerifiableCredentialJwt(
      {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiableCredential', 'QualificationCredential'],
        issuer: rogueDid,
        issuanceDate: new Date().toISOString(),
        credentialSubject: {
          id: learner.did,
          qualification: { title: 'Diploma from a mill', awardedOn: '2026-01-01' },
        },
      },
      { did: rogueDid, signer: ed25519JwtSigner(rogueSeed), alg: 'EdDSA' },
    );
    const { status, body } = await present(learner, [{ credential, anchorReceipt: bundle.anchorReceipt }]);
    expect(status).toBe(422);
    expect(body.verdict).toBe('invalid');
    expect(failing(body)).toContain('issuer_accredited:issuer_not_accredited');
    expect(allChecks(body).find((c) => c.check === 'signature')?.status).toBe('valid');
  });

  it('a revoked credential fails the revocation check', async () => {
    const issued = await issue(system, qualificationRequest({ id: learnerDid }, {}));
    const revokedBundle = await claimWhenAnchored(issued.body.claim.url);
    const revoke = await revokeCredential(system, issued.body.credentialId, { reason: 'issuedInError' });
    expect(revoke.status).toBe(200);
    const { status, body } = await present(await learnerHolder(), [revokedBundle]);
    expect(status).toBe(422);
    expect(failing(body)).toEqual(['not_revoked:revoked', 'status_list:status_list_revoked']);
    const claimAgain = await fetch(issued.body.claim.url);
    expect(claimAgain.status).toBe(410);
  });

  it('a replayed presentation fails the challenge check', async () => {
    const first = await present(await learnerHolder(), [bundle]);
    expect(first.body.verdict).toBe('valid');
    const replay = await postJson(`${system.verifierUrl}/presentations/verify`, first.request);
    expect(replay.status).toBe(422);
    expect(failing(replay.body)).toEqual(['challenge:challenge_already_used']);
  });

  it('a presentation signed by someone other than the subject fails holder binding', async () => {
    const { status, body } = await present(newHolder(), [bundle]);
    expect(status).toBe(422);
    expect(failing(body)).toEqual(['holder_binding:holder_is_not_subject']);
  });

  it('a receipt whose proof does not lead to its root fails the anchor check', async () => {
    const otherRoot = `0x${randomBytes(32).toString('hex')}`;
    const forged = { ...bundle.anchorReceipt, merkleRoot: otherRoot };
    const { body } = await present(await learnerHolder(), [{ credential: bundle.credential, anchorReceipt: forged }]);
    expect(body.verdict).toBe('invalid');
    expect(failing(body)).toEqual(['anchored:proof_mismatch']);

    const stretched = {
      ...bundle.anchorReceipt,
      proof: [...bundle.anchorReceipt.proof, `0x${randomBytes(32).toString('hex')}`],
    };
    const second = await present(await learnerHolder(), [{ credential: bundle.credential, anchorReceipt: stretched }]);
    expect(failing(second.body)).toEqual(['anchored:proof_mismatch']);
  });

  it('keeps the institution, its keys, its credentials and the contracts across a restart', async () => {
    const before = await (await fetch(`${system.issuerUrl}/institution`)).json();
    const listBefore = await (
      await fetch(`${system.issuerUrl}/credentials`, { headers: { authorization: `Bearer ${system.adminToken}` } })
    ).json();
    await system.stop();
    system = await startSystem({ dataDir: system.dataDir, ports: system.ports });
    expect(system.output()).not.toContain('Admin token (shown once');
    const after = await (await fetch(`${system.issuerUrl}/institution`)).json();
    expect(after).toEqual(before);
    const listAfter = await (
      await fetch(`${system.issuerUrl}/credentials`, { headers: { authorization: `Bearer ${system.adminToken}` } })
    ).json();
    expect(listAfter.items).toEqual(listBefore.items);
    const { body } = await present(await learnerHolder(), [bundle]);
    expect(body.verdict).toBe('valid');
  });

  it('with the ledger stopped, the verdict is unverifiable, never invalid', async () => {
    process.kill(system.ledgerPid(), 'SIGKILL');
    const { status, body } = await present(await learnerHolder(), [bundle]);
    expect(body.verdict).toBe('unverifiable');
    expect(status).toBe(503);
    expect(allChecks(body).filter((c) => c.status === 'invalid')).toEqual([]);
    const ledgerChecks = allChecks(body).filter((c) =>
      ['issuer_accredited', 'anchored', 'not_revoked'].includes(c.check),
    );
    expect(ledgerChecks.map((c) => `${c.status}:${c.reason}`)).toEqual(
      Array(3).fill('unverifiable:ledger_unreachable'),
    );
    expect(allChecks(body).find((c) => c.check === 'signature')?.status).toBe('valid');
  });

  /** The learner's key, read from the wallet the CLI created (the test knows the passphrase). */
  async function learnerHolder(): Promise<Holder> {
    const { Wallet } = await import('../wallet-cli/store.ts');
    const wallet = await Wallet.open(walletEnv.SKILLMARK_WALLET_DIR!, walletEnv.SKILLMARK_WALLET_PASSPHRASE!);
    return { did: wallet.did, seed: wallet.seed };
  }
});

describe('one system per data dir', () => {
  it('a second start on the same data dir refuses clearly and leaves the first one running', async () => {
    const first = await startSystem();
    try {
      const second = await startSystem({ dataDir: first.dataDir }).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(second).toContain('is already running on');
      expect((await fetch(`${first.issuerUrl}/health`)).status).toBe(200);
      expect((await fetch(`${first.verifierUrl}/health`)).status).toBe(200);
      const issued = await issue(first, qualificationRequest({ learnerReference: 'still-anchoring' }));
      expect((await claimWhenAnchored(issued.body.claim.url)).anchorReceipt.merkleRoot).toMatch(/^0x/);
    } finally {
      await first.destroy();
    }
  });
});
