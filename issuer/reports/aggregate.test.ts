/**
 * What the merge refuses before it needs the ledger, and that a registry it cannot reach makes the
 * merge wait rather than call a report tampered. (Merging real institutions' reports on a real
 * registry: test/reports.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { nodeJoseSigner, signCompactJws } from '../../core/jose/signer.ts';
import { didKeyOfEd25519Key } from '../../core/trust-bundle/signed-bundle.ts';
import { freshKeyPair } from '../../test/support/keys.ts';
import { freePort } from '../../test/support/local-chain.ts';
import { aggregateSignedReports, ReportsRefused } from './aggregate.ts';
import { SIGNED_REPORT_JWS_TYPE, signOccupationCounts } from './signed-report.ts';

const { privateKey } = freshKeyPair('ed25519');
const did = didKeyOfEd25519Key(privateKey);
const signer = nodeJoseSigner(privateKey, `${did}#${did.slice('did:key:'.length)}`);
const counts = {
  quarter: '2026-Q2',
  educationLevels: [{ code: 'unknown', isced: 9 }],
  occupations: [{ code: '7411', title: 'Electrician', byEducationLevel: { unknown: 9 } }],
};

async function problems(files: { name: string; text: string }[], rpcPort?: number): Promise<string[]> {
  const registries = rpcPort
    ? [
        {
          name: 'National registry',
          chainId: 31337,
          registry: `0x${'1'.repeat(40)}`,
          rpcUrls: [`http://127.0.0.1:${rpcPort}`],
        },
      ]
    : [];
  const error = await aggregateSignedReports(files, { registries, suppressionThreshold: 5 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportsRefused);
  return (error as ReportsRefused).problems;
}

describe('the merge refuses', () => {
  it('nothing to merge', async () => {
    expect(await problems([])).toEqual(['No report was given.']);
  });

  it('an empty file, and one that is not a JWS at all', async () => {
    expect(
      await problems([
        { name: 'empty.jws', text: '\n' },
        { name: 'page.html', text: '<!doctype html>' },
      ]),
    ).toEqual([
      'empty.jws is empty: it holds no signed report.',
      'page.html is not a signed report (a compact JWS has 3 dot-separated parts, this has 1).',
    ]);
  });

  it('another token of the same key, a report claiming another issuer, and content it cannot read', async () => {
    const otherToken = await signCompactJws({ ...counts }, signer, { typ: 'JWT' });
    const claimsOther = await signCompactJws(
      {
        type: 'SkillmarkOccupationReport',
        version: 1,
        iss: 'did:key:z6Mkother',
        iat: 1,
        institution: { did: 'did:key:z6Mkother', name: 'X' },
        ...counts,
      },
      signer,
      { typ: SIGNED_REPORT_JWS_TYPE },
    );
    const negative = await signCompactJws(
      {
        type: 'SkillmarkOccupationReport',
        version: 1,
        iss: did,
        iat: 1,
        institution: { did, name: 'X' },
        ...counts,
        occupations: [{ code: '1', title: 'A', byEducationLevel: { unknown: -3 } }],
      },
      signer,
      { typ: SIGNED_REPORT_JWS_TYPE },
    );
    expect(
      await problems([
        { name: 'token.jwt', text: otherToken },
        { name: 'other.jws', text: claimsOther },
        { name: 'negative.jws', text: negative },
      ]),
    ).toEqual([
      `token.jwt is not a signed occupation report (its header does not say typ "${SIGNED_REPORT_JWS_TYPE}" with the signer's key id).`,
      `other.jws says it is from did:key:z6Mkother, but it was signed by ${did}.`,
      'negative.jws is signed but is not an occupation report this version can read.',
    ]);
  });

  it('to say a report is genuine or not while the registry cannot be reached: it asks to try later', async () => {
    const report = await signOccupationCounts(counts, { did, name: 'College' }, signer, new Date());
    expect(await problems([{ name: 'college.jws', text: report }], await freePort())).toEqual([
      'college.jws: the registry National registry cannot be reached, so its accreditation cannot be checked: check that its node answers at the address the trust list gives (--trust, else LEDGER_RPC_URL or LEDGER_PORT), then try again.',
    ]);
  });
});
