import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { statusListEntry } from '../core/status-list/entry.ts';
import { didKeyOfEd25519Key } from '../core/trust-bundle/signed-bundle.ts';
import {
  CredentialService,
  CurrentSigningKey,
  EXAMPLE_CELLS,
  type IssuerDb,
  issueRequestOfRow,
  type LedgerWriter,
  type StatusLists,
} from '../issuer/index.ts';
import { inMemoryVeramo } from '../test/support/veramo.ts';
import { rate, report } from './report.ts';

/** The largest anchoring batch by default (ANCHOR_BATCH_SIZE): the QR check's worst-case receipt. */
const BATCH_SIZE = 500;

/** A cohort row of `npm run bench issue`, as the cohort job reads it; with the learner's DID if given. */
export const rowRequest = (n: number, did?: string) =>
  issueRequestOfRow({
    ...EXAMPLE_CELLS,
    learnerReference: `BENCH-${n}`,
    name: `Learner ${n}`,
    ...(did ? { did } : {}),
  });

/**
 * The signing step a cohort row goes through (CredentialService.sign, as issuer/cohorts/validate-row.ts
 * calls it), with nothing stored: the database, ledger and status list allocation stand aside (a
 * status entry as long as a real one is given), so only the CPU cost per credential is measured.
 */
export function signingService(): CredentialService {
  const { privateKey } = generateKeyPairSync('ed25519');
  const did = didKeyOfEd25519Key(privateKey);
  const kid = `${did}#${did.slice('did:key:'.length)}`;
  const listUrl = `http://127.0.0.1:8080/status-lists/${randomUUID()}`;
  let index = 0;
  const statusLists = {
    allocate: async () => ({ entry: statusListEntry(listUrl, index), listId: 'bench', index: index++ }),
  } as unknown as StatusLists;
  return new CredentialService(
    undefined as unknown as IssuerDb,
    new CurrentSigningKey({ did, kid, joseSigner: nodeJoseSigner(privateKey, kid) }),
    undefined as unknown as LedgerWriter,
    { chainId: 31337, registry: `0x${'0'.repeat(40)}` },
    BATCH_SIZE,
    undefined,
    statusLists,
  );
}

/** Veramo's createVerifiableCredential (JWT, Ed25519 did:key) of the same subject, as in bench/issue.ts. */
async function veramoSigner(subjectDid: (n: number) => string | undefined): Promise<() => Promise<unknown>> {
  const agent = inMemoryVeramo();
  const issuer = await agent.didManagerCreate({ provider: 'did:key', options: { keyType: 'Ed25519' } });
  let n = 0;
  return () => {
    n++;
    return agent.createVerifiableCredential({
      credential: {
        issuer: { id: issuer.did },
        type: ['VerifiableCredential', 'QualificationCredential'],
        credentialSubject: rowRequest(n, subjectDid(n)).credential.credentialSubject as Record<string, unknown>,
      },
      proofFormat: 'jwt',
    });
  };
}

/** Rates of our signing, the bare signature and Veramo's, for rows of learners named by `subjectDid`. */
async function compared(service: CredentialService, subjectDid: (n: number) => string | undefined) {
  let n = 0;
  const ours = () => service.sign(rowRequest(++n, subjectDid(n)));
  const sample = (await service.sign(rowRequest(0, subjectDid(0)))).issued.jwt;
  const { privateKey } = generateKeyPairSync('ed25519');
  const signingInput = Buffer.from(sample.slice(0, sample.lastIndexOf('.')));
  const raw = () => sign(null, signingInput, privateKey);
  const veramo = await veramoSigner(subjectDid);
  // Alternated, so that drift on a shared machine touches each alike.
  const rates = { ours: [] as number[], raw: [] as number[], veramo: [] as number[] };
  for (let round = 0; round < 3; round++) {
    rates.ours.push(await rate(ours, 1000));
    rates.raw.push(await rate(raw, 1000));
    rates.veramo.push(await rate(veramo, 1000));
  }
  const best = (list: number[]) => Math.max(...list);
  const [o, r, v] = [best(rates.ours), best(rates.raw), best(rates.veramo)];
  return {
    'sign (µs)': (1e6 / o).toFixed(1),
    'raw Ed25519 (µs)': (1e6 / r).toFixed(1),
    'Veramo (µs)': (1e6 / v).toFixed(1),
    'ours / raw Ed25519': (o / r).toFixed(3),
    'ours / Veramo': (o / v).toFixed(2),
    'token bytes': sample.length,
  };
}

/**
 * `npm run bench sign`: the CPU cost of signing one cohort row's credential (checks, VC-JWT, QR
 * capacity), against node:crypto's bare Ed25519 signature of a token as long and Veramo's
 * createVerifiableCredential, all measured in this process in the same run: compare the ratios.
 * Rows naming the learner by reference (as `npm run bench issue`'s), and by a did:key, which the
 * issuer checks is a key that can sign.
 */
export async function signBench(): Promise<void> {
  const service = signingService();
  const learnerDids = Array.from({ length: 1000 }, () => didKeyOfEd25519Key(generateKeyPairSync('ed25519').privateKey));
  report(
    'sign',
    'Signing one cohort row (CredentialService.sign), CPU only',
    [
      { learner: 'reference', ...(await compared(service, () => undefined)) },
      { learner: 'did:key', ...(await compared(service, (n) => learnerDids[n % learnerDids.length])) },
    ],
    [
      'sign: the row read into an issue request and checked, the VC-JWT signed, its QR capacity checked, its rows made; nothing stored.',
      'raw Ed25519: node:crypto signing a signing input as long as ours, the floor of any VC-JWT issuer.',
      'Best of 3 alternated rounds of 1 s each.',
    ],
  );
}
