import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { jsonLdProblem } from '../core/jsonld/expand.ts';
import { credentialToSign, DEFAULT_ISSUING } from '../issuer/index.ts';
import { conformancePath } from '../test/support/conformance.ts';
import { qualificationRequest } from '../test/support/system.ts';
import { rate, report } from './report.ts';

const seed = randomBytes(32);
const issuerDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
const signer = nodeJoseSigner(ed25519PrivateKey(seed), `${issuerDid}#${issuerDid.slice('did:key:'.length)}`);
const learnerDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(randomBytes(32)));
const settings = { ...DEFAULT_ISSUING, issuableTypes: '*' as const, institutionName: 'Bench Training Centre' };

const qualification = qualificationRequest({ id: learnerDid });
const { proof: _, ...complete } = JSON.parse(readFileSync(conformancePath('openbadges', 'complete.json'), 'utf8'));
const REQUESTS: [string, Record<string, unknown>][] = [
  [
    'qualification, VC 2.0 + JOSE',
    {
      ...qualification,
      credential: { '@context': ['https://www.w3.org/ns/credentials/v2'], ...qualification.credential },
    },
  ],
  ['the same as an Open Badge 3.0', { ...qualification, openBadge: true }],
  [
    "1EdTech's complete.json, sent as it is",
    { credential: { ...complete, issuer: { ...complete.issuer, id: issuerDid } } },
  ],
  [
    'another VC 2.0 credential',
    {
      credential: {
        // The examples context defines its terms (@vocab): the issuer refuses terms no context defines.
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
        type: ['VerifiableCredential', 'ExampleSkillCredential'],
        credentialSubject: { id: learnerDid, skill: 'Install low-voltage wiring' },
      },
    },
  ],
];

/**
 * `npm run bench open-badge`: what the issuer does per credential before storing it (the request's
 * rules, the Open Badge drawn and checked against 1EdTech's schema, the signature), for each kind
 * of credential, as ratios to a qualification measured in the same run; and the size of what is
 * signed, which decides whether one QR code holds it.
 */
export async function openBadgeBench(): Promise<void> {
  const rows = [];
  let base = 0;
  for (const [label, request] of REQUESTS) {
    const once = async () => {
      const { credential, format } = await credentialToSign(request, issuerDid, new Date(), settings);
      return format.sign(credential, issuerDid, signer);
    };
    const length = (await once()).length;
    const perSecond = await rate(once, 2000);
    base ||= perSecond;
    rows.push({
      credential: label,
      'checked and signed / s': perSecond.toFixed(0),
      'ratio to a qualification': (perSecond / base).toFixed(2),
      'signed length (chars)': length,
    });
  }
  // What the JSON-LD check costs alone, and per KiB: paid by the VC 2.0 credentials a request gives
  // (the last two rows above), not by qualifications nor the badges drawn from them.
  const drawn = (await credentialToSign(REQUESTS[1]![1], issuerDid, new Date(), settings)).credential;
  for (const [label, document] of [
    ['the badge drawn from a qualification (not checked at issue)', drawn],
    [REQUESTS[2]![0], REQUESTS[2]![1].credential],
    [REQUESTS[3]![0], REQUESTS[3]![1].credential],
  ] as [string, Record<string, unknown>][]) {
    if ((await jsonLdProblem(document)) !== undefined) throw new Error(`${label}: not valid JSON-LD`);
    const perSecond = await rate(() => jsonLdProblem(document), 2000);
    const kib = JSON.stringify(document).length / 1024;
    rows.push({
      credential: `JSON-LD expansion alone: ${label}`,
      'checked and signed / s': perSecond.toFixed(0),
      'ratio to a qualification': (perSecond / base).toFixed(2),
      'signed length (chars)': `${(1000 / perSecond).toFixed(2)} ms, ${(1000 / perSecond / kib).toFixed(2)} ms/KiB`,
    });
  }
  report('open-badge', 'Checking and signing one credential, by kind', rows, [
    'In this process, nothing stored or anchored: the rules and the signature only (Ed25519, VC 2.0 + JOSE).',
    'Credentials a request gives are expanded as JSON-LD (safe mode, bundled contexts) before signing; the "JSON-LD expansion alone" rows give that step by itself (its last column: time per credential and per KiB of JSON).',
  ]);
}
