import { randomUUID } from 'node:crypto';
import { didHash } from '../contracts/registry.ts';
import { failpoint } from '../core/failpoint.ts';
import { parseDateTime } from '../core/formats/index.ts';
import { HttpProblem } from '../core/http-problem.ts';
import type { SecretBox } from '../core/secret-box.ts';
import type { IssuerDb } from './db-schema.ts';
import {
  createSigningDid,
  type IssuerAgent,
  NEXT_SIGNING_DID_SETTING,
  SIGNING_DID_SETTING,
  type SigningIdentity,
  signingIdentity,
} from './identity.ts';
import type { LedgerWriter } from './ledger-writer.ts';
import { getSetting, putSetting } from './settings.ts';

/**
 * The key credentials are signed with now. Each issuance reads it once, so a credential's issuer,
 * key id and signature always come from the same key, even while a rotation switches keys.
 */
export class CurrentSigningKey {
  #identity: SigningIdentity;

  constructor(identity: SigningIdentity) {
    this.#identity = identity;
  }

  current(): SigningIdentity {
    return this.#identity;
  }

  use(next: SigningIdentity): void {
    this.#identity = next;
  }
}

export interface SigningKeyRotation {
  previous: string;
  current: string;
  /** When the previous DID's key counts as compromised on the registry, if it was reported. */
  compromisedSince?: string;
}

export interface CompromiseReport {
  did: string;
  compromisedSince: string;
}

/** Refuses any field but `allowed`, naming the first stray one. */
/** `compromisedSince` as unix seconds: an ISO 8601 date-time, not in the future. */
function compromiseTime(raw: string, now: Date): number {
  const time = parseDateTime(raw, true)?.getTime() ?? Number.NaN;
  if (Number.isNaN(time))
    throw new HttpProblem(
      422,
      'Invalid compromisedSince',
      '"compromisedSince" must be an ISO 8601 date-time with a time zone, such as 2026-06-30T12:00:00Z.',
    );
  if (time > now.getTime())
    throw new HttpProblem(
      422,
      'Invalid compromisedSince',
      '"compromisedSince" is in the future: give the earliest time the key may have been in other hands.',
    );
  const seconds = Math.floor(time / 1000);
  if (seconds < 1)
    throw new HttpProblem(422, 'Invalid compromisedSince', '"compromisedSince" must be after 1970-01-01T00:00:00Z.');
  return seconds;
}

/** A rotation request, its shape checked by the route's schema (issuer/api/schemas.ts): `{}` for a planned change, `compromisedSince` when the old key leaked. */
export type RotationRequest = { compromisedSince?: string };
/** A compromise report, its shape checked by the route's schema. */
export type CompromiseReportRequest = { did: string; compromisedSince: string };

/**
 * Replaces the DID the institution signs credentials with. Each step is recorded or checked on
 * the ledger, so a rotation cut short (crash, ledger outage) completes when asked again:
 * 1. a next DID is created and recorded (or the recorded one is reused);
 * 2. the ledger key registers it for the institution (addDid), unless it already is;
 * 3. with `compromisedSince`, the previous DID is reported compromised as of then, unless the
 *    registry already holds that time or an earlier one;
 * 4. issuance switches to the next DID, in this process and in the database.
 * The previous DID stays registered: what it signed and anchored before any reported compromise
 * stays valid.
 */
export class SigningKeyRotator {
  #running = false;

  constructor(
    private readonly agent: IssuerAgent,
    private readonly db: IssuerDb,
    private readonly box: SecretBox,
    private readonly writer: LedgerWriter,
    private readonly key: CurrentSigningKey,
  ) {}

  async rotate(body: RotationRequest, now = new Date()): Promise<SigningKeyRotation> {
    const compromisedSince =
      body.compromisedSince === undefined ? undefined : compromiseTime(body.compromisedSince, now);
    if (this.#running)
      throw new HttpProblem(
        409,
        'Rotation in progress',
        'A signing-key rotation is already under way; ask again once it has finished.',
      );
    this.#running = true;
    try {
      return await this.#rotate(compromisedSince);
    } finally {
      this.#running = false;
    }
  }

  /**
   * Reports one of the institution's earlier signing DIDs compromised (a leak found after a planned
   * change). The DID in use is refused: rotate away from it instead, or it would go on signing.
   */
  async reportCompromise(body: CompromiseReportRequest, now = new Date()): Promise<CompromiseReport> {
    const { did } = body;
    const compromisedSince = compromiseTime(body.compromisedSince, now);
    if (did === this.key.current().did) {
      throw new HttpProblem(
        409,
        'DID in use',
        `${did} is the DID the issuer signs with now: rotate with POST /signing-key/rotate and "compromisedSince" instead.`,
      );
    }
    const registry = this.writer.registry;
    const institutionId = await registry.institutionOfDid(did);
    if (institutionId === 0 || institutionId !== (await registry.institutionOfSigner(this.writer.address))) {
      throw new HttpProblem(
        422,
        'Invalid did',
        `${did.slice(0, 120)} is not a signing DID of this institution on the registry.`,
      );
    }
    return { did, compromisedSince: new Date((await this.#report(did, compromisedSince)) * 1000).toISOString() };
  }

  /** Reports `did` compromised since then, unless the registry already holds that time or an earlier one; returns the time it holds. */
  async #report(did: string, compromisedSince: number): Promise<number> {
    const since = await this.writer.registry.didCompromisedSince(did);
    if (since !== 0 && since <= compromisedSince) return since;
    await this.writer.send('reportDidCompromised', [didHash(did), compromisedSince]);
    return compromisedSince;
  }

  async #rotate(compromisedSince: number | undefined): Promise<SigningKeyRotation> {
    const registry = this.writer.registry;
    const previous = this.key.current().did;
    const institutionId = await registry.institutionOfDid(previous);
    if (institutionId === 0)
      throw new HttpProblem(
        409,
        'Not a registered DID',
        `The signing DID ${previous} is not registered for any institution; ask the accreditation authority.`,
      );
    if ((await registry.institutionOfSigner(this.writer.address)) !== institutionId) {
      throw new HttpProblem(
        409,
        'Not a registered key',
        `The ledger key ${this.writer.address} is not registered for the institution of ${previous}; ask the accreditation authority.`,
      );
    }

    const next = await this.#nextIdentity();
    const holder = await registry.institutionOfDid(next.did);
    if (holder === 0) await this.writer.send('addDid', [institutionId, next.did]);
    else if (holder !== institutionId)
      throw new HttpProblem(409, 'DID taken', `The new DID ${next.did} is registered for another institution.`);
    failpoint('signing-key:after-register');

    const since = compromisedSince === undefined ? undefined : await this.#report(previous, compromisedSince);
    failpoint('signing-key:before-switch');

    await this.db.transaction().execute(async (trx) => {
      await putSetting(trx, SIGNING_DID_SETTING, next.did);
      await trx.deleteFrom('settings').where('name', '=', NEXT_SIGNING_DID_SETTING).execute();
    });
    this.key.use(next);
    return {
      previous,
      current: next.did,
      ...(since !== undefined ? { compromisedSince: new Date(since * 1000).toISOString() } : {}),
    };
  }

  async #nextIdentity(): Promise<SigningIdentity> {
    let did = await getSetting(this.db, NEXT_SIGNING_DID_SETTING);
    if (!did) {
      did = (await createSigningDid(this.agent, `institution-${randomUUID()}`)).did;
      await putSetting(this.db, NEXT_SIGNING_DID_SETTING, did);
    }
    return signingIdentity(await this.agent.didManagerGet({ did }), this.db, this.box);
  }
}
