import { isAddress, parseEther, type Signer } from 'ethers';
import { describeContractError, type Institution, InstitutionStatus, type Registry } from './registry.ts';

/** A step the authority asked for that the registry or the request refused, in plain words. */
export class AccreditationError extends Error {}

/** The accreditation statuses the authority sets, by the step that sets each. */
export const STEPS = { restore: 'Accredited', suspend: 'Suspended', withdraw: 'Withdrawn' } as const;
export type Step = keyof typeof STEPS;

/** Every institution the registry ever accredited, by number, with its status now. */
export async function listInstitutions(registry: Registry): Promise<Institution[]> {
  const count = Number(await registry.contract.getFunction('institutionCount').staticCall());
  return Promise.all(Array.from({ length: count }, (_, i) => registry.institution(i + 1)));
}

/** The institution a person names: by its number on the registry, or by a DID it signs with. */
export async function institutionNamed(registry: Registry, named: string): Promise<Institution> {
  const byNumber = /^\d{1,10}$/.test(named);
  const id = byNumber ? Number(named) : await registry.institutionOfDid(named);
  const institution = id === 0 ? undefined : await registry.institution(id);
  if (!institution || institution.status === 'Unknown')
    throw new AccreditationError(
      byNumber
        ? `The registry has no institution ${named} (list them with "list").`
        : `No institution on the registry signs with ${named} (list them with "list").`,
    );
  return institution;
}

/** Runs a transaction of the authority's and waits for it, its refusal in plain words. */
async function send(what: string, transaction: () => Promise<{ wait(): Promise<unknown> }>): Promise<void> {
  try {
    await (await transaction()).wait();
  } catch (error) {
    throw new AccreditationError(`The registry refused to ${what}: ${describeContractError(error)}`);
  }
}

/**
 * Accredits an institution: its ledger address (the key its issuer anchors with), the DID it signs
 * credentials with and its name, as verifiers, wallets and the national report will show it. With
 * `fund`, also sends that much of the chain's currency to the address, for its anchoring's gas.
 */
export async function accredit(
  registry: Registry,
  authority: Signer,
  institution: { address: string; did: string; name: string; fund?: string },
): Promise<Institution> {
  if (!isAddress(institution.address))
    throw new AccreditationError(`${institution.address} is not a ledger address (0x and 40 hex digits).`);
  if (!institution.did.startsWith('did:')) throw new AccreditationError(`${institution.did} is not a DID.`);
  if (institution.name.trim() === '') throw new AccreditationError('The name is empty.');
  let amount: bigint | undefined;
  try {
    amount = institution.fund === undefined ? undefined : parseEther(institution.fund);
  } catch {
    throw new AccreditationError(`--fund ${institution.fund} is not an amount (for example 0.05).`);
  }
  await send(`accredit ${institution.name}`, () =>
    registry.contract.getFunction('accredit')(institution.address, institution.did, institution.name.trim()),
  );
  if (amount) {
    await send(`send ${institution.fund} to ${institution.address}`, () =>
      authority.sendTransaction({ to: institution.address, value: amount }),
    );
  }
  return institutionNamed(registry, institution.did);
}

/** Suspends, restores or withdraws an institution's accreditation; its status afterwards. */
export async function changeAccreditation(registry: Registry, named: string, step: Step): Promise<Institution> {
  const institution = await institutionNamed(registry, named);
  await send(`${step} institution ${institution.id}`, () =>
    registry.contract.getFunction('setStatus')(institution.id, InstitutionStatus[STEPS[step]]),
  );
  return registry.institution(institution.id);
}
