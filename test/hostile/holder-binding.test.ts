/**
 * Issue 7, item 20: holder binding covers every credential of a presentation, not only the first.
 * A learner presents their own credential together with someone else's: whatever the order, the
 * presentation is invalid with `holder_is_not_subject`. Against the real system over HTTP.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { type Holder, signPresentation } from '../../wallet-cli/sign-presentation.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  startSystem,
} from '../support/system.ts';

type Check = { check: string; status: string; reason: string; message: string };
type Bundle = { credential: string; anchorReceipt: any };

function newHolder(): Holder {
  const seed = randomBytes(32);
  return { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
}

describe('holder binding over every credential of a presentation', () => {
  let system: RunningSystem;
  const learner = newHolder();
  const someoneElse = newHolder();
  let own: Bundle;
  let ownSecond: Bundle;
  let theirs: Bundle;

  const issueTo = async (holder: Holder): Promise<Bundle> => {
    const issued = await issue(system, qualificationRequest({ id: holder.did }));
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    return claimWhenAnchored(issued.body.claim.url);
  };
  const present = async (holder: Holder, credentials: Bundle[]) => {
    const { body: challenge } = await postJson(`${system.verifierUrl}/challenges`, {});
    const domain = new URL(system.verifierUrl).host;
    const jwt = await signPresentation(holder, credentials, challenge.challenge, domain);
    return postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: jwt,
      options: { challenge: challenge.challenge, domain },
    });
  };
  const failing = (body: { checks: Check[]; credentials?: { checks: Check[] }[] }) =>
    [...body.checks, ...(body.credentials ?? []).flatMap((c) => c.checks)]
      .filter((c) => c.status === 'invalid')
      .map((c) => `${c.check}:${c.reason}`);

  beforeAll(async () => {
    system = await startSystem();
    [own, ownSecond, theirs] = await Promise.all([issueTo(learner), issueTo(learner), issueTo(someoneElse)]);
  }, 120_000);

  afterAll(async () => {
    await system?.destroy();
  });

  it("control: two of the holder's own credentials are valid", async () => {
    const reply = await present(learner, [own, ownSecond]);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.verdict).toBe('valid');
  });

  for (const order of ['own first', 'own last'] as const) {
    it(`the holder's own credential and someone else's (${order}): holder_is_not_subject`, async () => {
      const credentials = order === 'own first' ? [own, theirs] : [theirs, own];
      const reply = await present(learner, credentials);
      expect(reply.status, reply.text).toBe(422);
      expect(reply.body.verdict).toBe('invalid');
      expect(failing(reply.body)).toEqual(['holder_binding:holder_is_not_subject']);
      const binding = reply.body.checks.find((c: Check) => c.check === 'holder_binding');
      expect(binding.message).toContain(someoneElse.did);
    });
  }

  it("three credentials, the stranger's in the middle: holder_is_not_subject", async () => {
    const reply = await present(learner, [own, theirs, ownSecond]);
    expect(reply.status, reply.text).toBe(422);
    expect(failing(reply.body)).toEqual(['holder_binding:holder_is_not_subject']);
  });
});
