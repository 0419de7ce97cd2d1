/**
 * The issuer refuses bad input instead of signing it (issue 7, items 9 to 12): mistyped learner
 * DIDs, impossible dates, control characters and "repaired" requests, each in several spellings,
 * against the real system (`npm start`'s entry point as a child process) over HTTP on 127.0.0.1.
 * What is valid must still be issued exactly as sent: Arabic and Chinese names, an issuer object
 * with its name and description, which the verifier then finds valid.
 */

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Reply, readReply } from '../support/http.ts';
import { freshKeyPair } from '../support/keys.ts';
import {
  claimWhenAnchored,
  qualificationRequest,
  type RunningSystem,
  runWallet,
  startSystem,
  tempDir,
} from '../support/system.ts';

const V2 = 'https://www.w3.org/ns/credentials/v2';
/** A valid Ed25519 did:key (from the did:key specification's examples). */
const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

let system: RunningSystem;
let institutionDid: string;

beforeAll(async () => {
  system = await startSystem();
  institutionDid = (await (await fetch(`${system.issuerUrl}/health`)).json()).did;
});

afterAll(async () => {
  await system?.destroy();
});

async function issueRaw(body: unknown): Promise<Reply> {
  return readReply(
    await fetch(`${system.issuerUrl}/credentials/issue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

/** A request for LEARNER with `change` applied to its credential. */
function requestWith(change: (credential: any) => void): any {
  const request: any = qualificationRequest({ id: LEARNER });
  change(request.credential);
  return request;
}

/** A 422 problem whose errors name the field at `pointer` (a JSON pointer, or `(root)`). */
async function expectRefused(request: unknown, pointer: string): Promise<any> {
  const reply = await issueRaw(request);
  expect(reply.status, reply.text).toBe(422);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({
    type: expect.stringMatching(/^urn:skillmark:problem:/),
    status: 422,
    detail: expect.any(String),
  });
  expect(reply.text).not.toMatch(/\n\s+at\s|node_modules|\.ts:\d+/);
  expect(reply.body.errors, reply.text).toEqual(
    expect.arrayContaining([expect.stringMatching(new RegExp(`^${pointer.replace(/[()]/g, '\\$&')}(?=\\s|$)`))]),
  );
  return reply.body;
}

async function expectIssued(request: unknown): Promise<{ body: any; payload: any }> {
  const reply = await issueRaw(request);
  expect(reply.status, reply.text).toBe(201);
  const jwt = String(reply.body.verifiableCredential.id).replace(/^data:application\/(jwt|vc\+jwt),/, '');
  return { body: reply.body, payload: JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) };
}

const didJwk = (jwk: object) => `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`;
const p256 = () =>
  freshKeyPair('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as Record<string, string>;
const ed25519Jwk = () => freshKeyPair('ed25519').publicKey.export({ format: 'jwk' }) as Record<string, string>;

describe('item 9: the learner DID is checked before anything is signed', () => {
  const offCurve = () => {
    const jwk = p256();
    const y = Buffer.from(jwk.y!, 'base64url');
    y.writeUInt8(y[31]! ^ 1, 31);
    return { ...jwk, y: y.toString('base64url') };
  };
  const refused: [string, () => string][] = [
    [
      'a did:key one character off in its key-type prefix',
      () => 'did:key:z6MkaaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    ],
    [
      'a did:key one character off in its key (not an Ed25519 point)',
      () => 'did:key:z6MkhaXgBZDvotDkL52572aiztiGiC2QtKLGpbnnEGta2doK',
    ],
    [
      'a did:key with its last character mistyped (not an Ed25519 point)',
      () => 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2do3',
    ],
    ['a truncated did:key', () => 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2do'],
    ['a did:key with a character too many', () => 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doKK'],
    ['did:key:abc', () => 'did:key:abc'],
    [
      'a did:key with a character that is not base58 (0)',
      () => 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta20oK',
    ],
    [
      'a did:key of an X25519 key, which cannot sign a presentation',
      () => 'did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc',
    ],
    ['a did:jwk that is not base64url JSON', () => 'did:jwk:bm90IGpzb24'],
    ['a did:jwk holding a private key', () => didJwk({ ...p256(), d: 'AAAA' })],
    ['a did:jwk whose P-256 point is off the curve', () => didJwk(offCurve())],
    ['a did:jwk for encryption only', () => didJwk({ ...ed25519Jwk(), use: 'enc' })],
    ['a did:web whose host is not a host name', () => 'did:web:bad_host.example'],
    ['a did:web with a port out of range', () => 'did:web:college.example%3A99999'],
    ['a did:ethr address with a wrong checksum', () => 'did:ethr:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'],
    ['a DID ending in a colon', () => 'did:example:learner:'],
    ['a DID with a broken percent-encoding', () => 'did:example:learner%zz'],
    ['a DID with an upper-case method name', () => 'did:Key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'],
    ['a DID without a method', () => 'did::learner'],
  ];
  for (const [name, did] of refused) {
    it(`422 naming /credentialSubject/id: ${name}`, async () => {
      await expectRefused(qualificationRequest({ id: did() }), '/credentialSubject/id');
    });
  }

  it('well-formed DIDs of every supported kind are issued, as sent', async () => {
    const accepted = [
      LEARNER,
      'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169', // P-256, from the did:key specification
      didJwk(ed25519Jwk()),
      didJwk(p256()),
      'did:web:college.example',
      'did:web:college.example%3A8443:learners:amina',
      'did:ethr:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      'did:ethr:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
      'did:example:123456789abcdefghi',
    ];
    for (const did of accepted) {
      const { payload } = await expectIssued(qualificationRequest({ id: did }));
      expect(payload.sub).toBe(did);
    }
  });
});

describe('item 10: impossible dates are refused', () => {
  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const qualification = (c: any) => c.credentialSubject.qualification;
  const cases: [string, (c: any) => void, string][] = [
    [
      'awardedOn three days from now',
      (c) => (qualification(c).awardedOn = day(3)),
      '/credentialSubject/qualification/awardedOn',
    ],
    [
      'awardedOn in 9999',
      (c) => (qualification(c).awardedOn = '9999-01-01'),
      '/credentialSubject/qualification/awardedOn',
    ],
    [
      'awardedOn in year 1',
      (c) => (qualification(c).awardedOn = '0001-01-01'),
      '/credentialSubject/qualification/awardedOn',
    ],
    [
      'awardedOn before 1900',
      (c) => (qualification(c).awardedOn = '1899-12-31'),
      '/credentialSubject/qualification/awardedOn',
    ],
    [
      'startedOn after awardedOn',
      (c) => Object.assign(qualification(c), { startedOn: '2026-07-01', awardedOn: '2026-06-30' }),
      '/credentialSubject/qualification/startedOn',
    ],
    [
      'startedOn before 1900',
      (c) => (qualification(c).startedOn = '1800-09-01'),
      '/credentialSubject/qualification/startedOn',
    ],
    [
      'startedOn on 30 February',
      (c) => (qualification(c).startedOn = '2025-02-30'),
      '/credentialSubject/qualification/startedOn',
    ],
    ['issuanceDate in year 1', (c) => (c.issuanceDate = '0001-01-01T00:00:00Z'), '/issuanceDate'],
    ['issuanceDate in 1999', (c) => (c.issuanceDate = '1999-06-30T00:00:00Z'), '/issuanceDate'],
    ['issuanceDate a day ago (backdated)', (c) => (c.issuanceDate = at(-86_400_000)), '/issuanceDate'],
    ['issuanceDate with a space instead of T', (c) => (c.issuanceDate = at(0).replace('T', ' ')), '/issuanceDate'],
    ['issuanceDate without a time zone', (c) => (c.issuanceDate = at(0).replace('Z', '')), '/issuanceDate'],
    [
      'issuanceDate at a leap second that does not exist',
      (c) => (c.issuanceDate = '2026-06-30T23:59:60Z'),
      '/issuanceDate',
    ],
    [
      'validFrom in 9999',
      (c) => Object.assign(c, { '@context': [V2], validFrom: '9999-12-31T00:00:00Z' }),
      '/validFrom',
    ],
    [
      'validFrom two years ahead',
      (c) => Object.assign(c, { '@context': [V2], validFrom: at(2 * 366 * 86_400_000) }),
      '/validFrom',
    ],
    [
      'validFrom in 1999',
      (c) => Object.assign(c, { '@context': [V2], validFrom: '1999-01-01T00:00:00Z' }),
      '/validFrom',
    ],
    [
      'validUntil before validFrom',
      (c) => Object.assign(c, { '@context': [V2], validUntil: '2001-01-01T00:00:00Z' }),
      '/validUntil',
    ],
    [
      'validUntil in 9999',
      (c) => Object.assign(c, { '@context': [V2], validUntil: '9999-12-31T00:00:00Z' }),
      '/validUntil',
    ],
    ['expirationDate 150 years ahead', (c) => (c.expirationDate = at(150 * 366 * 86_400_000)), '/expirationDate'],
  ];
  for (const [name, change, pointer] of cases) {
    it(`422 naming ${pointer}: ${name}`, async () => {
      await expectRefused(requestWith(change), pointer);
    });
  }

  it('today, a start date on the award date, issuance now, and a validFrom a month ahead are issued as sent', async () => {
    const issuedNow = at(-60_000);
    const v1 = await expectIssued(
      requestWith((c) => {
        Object.assign(c, { issuanceDate: issuedNow, expirationDate: at(5 * 366 * 86_400_000) });
        Object.assign(qualification(c), { startedOn: day(0), awardedOn: day(0) });
      }),
    );
    expect(v1.payload.nbf).toBe(Date.parse(issuedNow) / 1000);
    expect(v1.payload.vc.credentialSubject.qualification).toMatchObject({ startedOn: day(0), awardedOn: day(0) });
    const validFrom = at(30 * 86_400_000);
    const v2 = await expectIssued(requestWith((c) => Object.assign(c, { '@context': [V2], validFrom })));
    expect(v2.payload.validFrom).toBe(validFrom);
  });
});

describe('item 11: control characters are refused in every text field', () => {
  const hostile: [string, string][] = [
    ['ESC (a terminal colour sequence)', 'Amina \u001b[31mYusuf'],
    ['BEL', 'Amina\u0007'],
    ['NUL', 'Amina\u0000Yusuf'],
    ['DEL', 'Amina\u007f'],
    ['a C1 control (CSI)', 'Amina\u009b2J'],
    ['a right-to-left override', 'Amina \u202eYusuf'],
    ['a left-to-right isolate', 'Amina \u2066Yusuf\u2069'],
    ['a line separator', 'Amina\u2028Yusuf'],
    ['a line break', 'Amina\nYusuf'],
    ['a tab', 'Amina\tYusuf'],
    ['a lone surrogate', 'Amina \ud800'],
  ];
  const fields: [string, (c: any, text: string) => void][] = [
    ['/credentialSubject/name', (c, t) => (c.credentialSubject.name = t)],
    ['/credentialSubject/learnerReference', (c, t) => (c.credentialSubject.learnerReference = t)],
    ['/credentialSubject/qualification/title', (c, t) => (c.credentialSubject.qualification.title = t)],
    ['/credentialSubject/qualification/level/value', (c, t) => (c.credentialSubject.qualification.level.value = t)],
    [
      '/credentialSubject/qualification/occupation/title',
      (c, t) => (c.credentialSubject.qualification.occupation.title = t),
    ],
    [
      '/credentialSubject/qualification/competencies/1/title',
      (c, t) => (c.credentialSubject.qualification.competencies[1].title = t),
    ],
    ['/issuer/name', (c, t) => (c.issuer = { id: institutionDid, name: t })],
    // Without spaces, which a URL or a type name could not hold anyway: the control character alone must be refused.
    ['/id', (c, t) => (c.id = `urn:example:${t.replaceAll(' ', '')}`)],
    ['/type/2', (c, t) => (c.type = ['VerifiableCredential', 'QualificationCredential', t.replaceAll(' ', '')])],
  ];
  for (const [what, text] of hostile) {
    it(`422 for ${what}, in each text field`, async () => {
      for (const [pointer, set] of fields) {
        await expectRefused(
          requestWith((c) => set(c, text)),
          pointer,
        );
      }
    });
  }

  it('a multi-line description may hold line breaks and tabs, but no other control character', async () => {
    const { payload } = await expectIssued(
      requestWith(
        (c) =>
          (c.issuer = {
            id: institutionDid,
            name: 'Lagos Technical College',
            description: 'Accredited 2019.\n\tElectrical trades.',
          }),
      ),
    );
    expect(payload.vc.issuer.description).toBe('Accredited 2019.\n\tElectrical trades.');
    for (const text of ['Accredited\u001b[2J', 'Accredited\r\n2019', 'Accredited \u202e2019']) {
      await expectRefused(
        requestWith((c) => (c.issuer = { id: institutionDid, description: text })),
        '/issuer/description',
      );
    }
  });

  it('Arabic (with its right-to-left mark) and Chinese text is issued exactly as sent', async () => {
    const arabic = 'أمينة يوسف\u200f';
    const chinese = '电气安装国家证书';
    const { payload } = await expectIssued(
      requestWith((c) => {
        c.credentialSubject.name = arabic;
        c.credentialSubject.qualification.title = chinese;
        c.credentialSubject.qualification.competencies[0].title = 'تركيب الأسلاك منخفضة الجهد';
      }),
    );
    expect(payload.vc.credentialSubject.name).toBe(arabic);
    expect(payload.vc.credentialSubject.qualification.title).toBe(chinese);
    expect(payload.vc.credentialSubject.qualification.competencies[0].title).toBe('تركيب الأسلاك منخفضة الجهد');
  });
});

describe('item 12: what is invalid is refused, not repaired', () => {
  const cases: [string, (c: any) => void, string][] = [
    ['"id": null', (c) => (c.id = null), '/id'],
    ['"id": ""', (c) => (c.id = ''), '/id'],
    ['"type" missing', (c) => delete c.type, '(root)'],
    ['"type": null', (c) => (c.type = null), '/type'],
    ['"type": []', (c) => (c.type = []), '/type'],
    ['"type" without QualificationCredential', (c) => (c.type = ['VerifiableCredential']), '/type'],
    ['"@context": null', (c) => (c['@context'] = null), '/@context'],
    ['"credentialSchema": null', (c) => (c.credentialSchema = null), '/credentialSchema'],
    ['"issuanceDate": null', (c) => (c.issuanceDate = null), '/issuanceDate'],
    ['"issuer": null', (c) => (c.issuer = null), '/issuer'],
    ['an issuer object without an id', (c) => (c.issuer = { name: 'Lagos Technical College' }), '/issuer'],
    [
      'an issuer object with a member this schema does not know',
      (c) => (c.issuer = { id: institutionDid, logo: 'https://college.example/logo.png' }),
      '/issuer',
    ],
    ['an issuer object with an empty name', (c) => (c.issuer = { id: institutionDid, name: '' }), '/issuer/name'],
  ];
  for (const [name, change, pointer] of cases) {
    it(`422 naming ${pointer}: ${name}`, async () => {
      await expectRefused(requestWith(change), pointer);
    });
  }

  it('an issuer object naming another DID is refused', async () => {
    const reply = await issueRaw(requestWith((c) => (c.issuer = { id: LEARNER, name: 'Lagos Technical College' })));
    expect(reply.status, reply.text).toBe(422);
    expect(reply.body.title).toBe('Wrong issuer');
  });

  it('an issuer object is signed as sent, with its name and description, and verifies as valid (VC-JWT 1.1 and VC 2.0)', async () => {
    const issuer = {
      id: institutionDid,
      name: 'Lagos Technical College',
      description: 'Electrical trades since 1987.',
    };
    const v1 = await expectIssued(requestWith((c) => (c.issuer = issuer)));
    expect(v1.payload.iss).toBe(institutionDid);
    expect(v1.payload.vc.issuer).toEqual(issuer);
    const v2 = await expectIssued(requestWith((c) => Object.assign(c, { '@context': [V2], issuer })));
    expect(v2.payload.issuer).toEqual(issuer);
    for (const issued of [v1, v2]) {
      const bundle = await claimWhenAnchored(issued.body.claim.url);
      const reply = await readReply(
        await fetch(`${system.verifierUrl}/credentials/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            verifiableCredential: bundle.credential,
            options: { anchorReceipt: bundle.anchorReceipt },
          }),
        }),
      );
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body.verdict, reply.text).toBe('valid');
      expect(reply.body.credential.issuer).toEqual(issuer);
    }
  });

  it('the wallet CLI receives and presents a credential whose issuer is an object', async () => {
    const walletEnv = {
      SKILLMARK_WALLET_DIR: tempDir('skillmark-wallet-'),
      SKILLMARK_WALLET_PASSPHRASE: 'a long learner passphrase',
      SKILLMARK_ISSUER_URL: system.issuerUrl,
      SKILLMARK_VERIFIER_URL: system.verifierUrl,
    };
    try {
      const init = await runWallet(['init', '--json'], walletEnv);
      expect(init.code, init.stderr).toBe(0);
      const request: any = qualificationRequest(
        { id: JSON.parse(init.stdout).did },
        { issuer: { id: institutionDid, name: 'Lagos Technical College' } },
      );
      const issued = await issueRaw(request);
      expect(issued.status, issued.text).toBe(201);
      const received = await runWallet(['receive', issued.body.claim.url, '--wait', '60', '--json'], walletEnv);
      expect(received.code, received.stderr).toBe(0);
      const presented = await runWallet(['present', '1', '--json'], walletEnv);
      expect(presented.code, presented.stderr).toBe(0);
      expect(JSON.parse(presented.stdout).verdict).toBe('valid');
    } finally {
      rmSync(walletEnv.SKILLMARK_WALLET_DIR, { recursive: true, force: true });
    }
  });

  it('an id, when given, is kept; the issuer adds one only when there is none', async () => {
    const kept = await expectIssued(requestWith((c) => (c.id = 'urn:example:diploma:2026:0042')));
    expect(kept.payload.jti).toBe('urn:example:diploma:2026:0042');
    const added = await expectIssued(requestWith(() => undefined));
    expect(added.payload.jti).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });
});

describe('issue 11: other VC 2.0 credentials, with the default ISSUABLE_TYPES', () => {
  const other = (type: string[], extra: Record<string, unknown> = {}) => ({
    credential: {
      '@context': [V2],
      type,
      credentialSubject: { id: LEARNER, achievement: { name: 'Teamwork' } },
      ...extra,
    },
  });

  it('a type the operator has not allowed: 422 naming /type, nothing signed', async () => {
    const body = await expectRefused(other(['VerifiableCredential', 'ExampleSkillCredential']), '/type');
    expect(body.detail).toContain('does not issue ExampleSkillCredential');
  });

  it('an Open Badge type without the badge: 422 naming what the OB 3.0 schema misses', async () => {
    await expectRefused(other(['VerifiableCredential', 'OpenBadgeCredential']), '/@context');
    const body = await expectRefused(
      other(['VerifiableCredential', 'OpenBadgeCredential'], {
        '@context': [V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        issuer: { id: institutionDid, type: ['Profile'], name: 'College' },
      }),
      '/credentialSubject',
    );
    expect(body.errors).toContain('/credentialSubject is missing "type"');
  });

  it('a qualification asked for as an Open Badge is issued as a VC 2.0 AchievementCredential', async () => {
    const { body, payload } = await expectIssued({ ...qualificationRequest({ id: LEARNER }), openBadge: true });
    expect(body.format).toBe('vc-jose-2.0');
    expect(payload.type).toEqual(['VerifiableCredential', 'AchievementCredential']);
    expect(payload.credentialSubject.achievement.name).toBe('National Certificate in Electrical Installation');
  });
});
