/**
 * The printed certificate end to end, as its people use it: the institution prints its copy (with
 * the claim code) of credentials whose learners are named in Latin with accents, in Arabic and in
 * Chinese; the page, rendered by poppler, gives back the QR code to an independent decoder
 * (zbarimg) at full size and at 96 %; the real verifier finds what was read valid; the words come
 * out with pdftotext. The learner prints theirs with the claim code. Nothing is printed without a
 * QR code that verifies: not before anchoring, not after revocation.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Reply, readReply } from './support/http.ts';
import { printedPage } from './support/printed-page.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  startSystem,
  tempDir,
} from './support/system.ts';

const run = promisify(execFile);

let system: RunningSystem;
const pages: Awaited<ReturnType<typeof printedPage>>[] = [];

/** A credential as issued: its id, claim code and learner's name. */
interface Issued {
  id: string;
  code: string;
  name: string;
}
const learners = {
  latin: 'José Ñúñez-Łukasiewicz',
  arabic: 'أمينة يوسف',
  chinese: '王小明',
};
const issued: Partial<Record<keyof typeof learners | 'pending', Issued>> = {};

async function issueFor(name: string, reference: string): Promise<Issued> {
  const request = qualificationRequest({ learnerReference: reference });
  request.credential.credentialSubject.name = name;
  const reply = await issue(system, request);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { id: reply.body.credentialId, code: reply.body.claim.code, name };
}

const asInstitution = (path: string, token = system.adminToken) =>
  fetch(`${system.issuerUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

async function pdfOf(response: Response) {
  expect(response.status, response.status === 200 ? '' : await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const page = await printedPage(Buffer.from(await response.arrayBuffer()));
  pages.push(page);
  return page;
}

const verify = (qr: string): Promise<Reply> =>
  postJson(`${system.verifierUrl}/credentials/verify`, { verifiableCredential: qr });

beforeAll(async () => {
  // Batches of three, and no batch closed by waiting: the three printed credentials are anchored
  // at once, and a fourth stays pending for as long as the test needs.
  system = await startSystem({
    env: { ANCHOR_BATCH_SIZE: '3', ANCHOR_BATCH_WAIT_MS: '600000', VERIFIER_PUBLIC_URL: 'https://verify.example.org/' },
  });
  issued.latin = await issueFor(learners.latin, 'L-001');
  issued.arabic = await issueFor(learners.arabic, 'L-002');
  issued.chinese = await issueFor(learners.chinese, 'L-003');
  await Promise.all(
    [issued.latin, issued.arabic, issued.chinese].map((c) => claimWhenAnchored(`${system.issuerUrl}/claims/${c.code}`)),
  );
  issued.pending = await issueFor('Kwame Mensah', 'L-004');
});

afterAll(async () => {
  for (const page of pages) page.remove();
  await system?.destroy();
});

describe("the institution's copy", () => {
  for (const script of ['latin', 'arabic', 'chinese'] as const) {
    it(`${script}: its QR code, read from the printed page at full size and at 96 %, verifies; the name and the claim code are on it`, async () => {
      const credential = issued[script]!;
      const record = await (await asInstitution(`/credentials/${credential.id}`)).json();
      const page = await pdfOf(
        await asInstitution(`/credentials/${credential.id}/certificate.pdf?claimCode=${credential.code}`),
      );
      const scanned = await page.scan(await page.image(150));
      expect(scanned).toBe(record.qr);
      expect(await page.scan(await page.image(150, 0.96))).toBe(record.qr);
      const verdict = await verify(scanned);
      expect(verdict.status, JSON.stringify(verdict.body)).toBe(200);
      expect(verdict.body.verdict).toBe('valid');
      expect(verdict.body.credential.credentialSubject.name).toBe(credential.name);
      const text = await page.text();
      expect(text).toContain(credential.name);
      expect(text).toContain(credential.code);
      expect(text).toContain('National Certificate in Electrical Installation');
      // The short id the issuer and the learner's wallet show.
      expect(text).toContain(`Credential ${record.shortId}`);
      // Where to check it, as VERIFIER_PUBLIC_URL says.
      expect(text.replace(/\s+/g, ' ')).toContain('Skillmark verifier at https://verify.example.org (or upload');
    });
  }

  it('is refused without the admin token (401), for an unknown credential (404), with a claim code not its own (422)', async () => {
    const { latin, arabic } = issued;
    const unauthenticated = await fetch(`${system.issuerUrl}/credentials/${latin!.id}/certificate.pdf`);
    expect(unauthenticated.status).toBe(401);
    await unauthenticated.body?.cancel();
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-credential']) {
      const unknown = await readReply(await asInstitution(`/credentials/${id}/certificate.pdf`));
      expect(unknown.status, unknown.text).toBe(404);
      expect(unknown.body.title).toBe('Unknown credential');
    }
    const otherCode = await readReply(
      await asInstitution(`/credentials/${latin!.id}/certificate.pdf?claimCode=${arabic!.code}`),
    );
    expect(otherCode.status, otherCode.text).toBe(422);
    expect(otherCode.body.detail).toMatch(/not the current, unexpired claim code/);
  });

  it('is not printed while the credential waits to be anchored: 409 with Retry-After, saying so', async () => {
    const reply = await readReply(await asInstitution(`/credentials/${issued.pending!.id}/certificate.pdf`));
    expect(reply.status, reply.text).toBe(409);
    expect(reply.headers.get('retry-after')).toBe('5');
    expect(reply.body.detail).toMatch(/waiting to be anchored/);
  });
});

describe("the learner's copy", () => {
  it('is collected with the claim code: its QR code verifies, the name is on it, the claim code is not', async () => {
    const { arabic } = issued;
    const page = await pdfOf(await fetch(`${system.issuerUrl}/claims/${arabic!.code}/certificate.pdf`));
    const verdict = await verify(await page.scan(await page.image(150)));
    expect(verdict.body.verdict).toBe('valid');
    const text = await page.text();
    expect(text).toContain(learners.arabic);
    expect(text).not.toContain(arabic!.code);
    expect(text).toContain('This is to certify that');
  });

  it("is printed in the learner's language: as the claim page links it (?lang=), else as the browser asks", async () => {
    const { arabic } = issued;
    const inArabic = await (
      await pdfOf(await fetch(`${system.issuerUrl}/claims/${arabic!.code}/certificate.pdf?lang=ar`))
    ).text();
    expect(inArabic).toContain('نشهد بأن');
    expect(inArabic).not.toContain('This is to certify that');
    const inFrench = await (
      await pdfOf(
        await fetch(`${system.issuerUrl}/claims/${arabic!.code}/certificate.pdf`, {
          headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' },
        }),
      )
    ).text();
    expect(inFrench).toContain('Nous certifions que');
    // The award date in words, in French (qualificationRequest awards on 2026-06-30).
    expect(inFrench).toContain('30 juin 2026');
  });

  it('is pending (202) while the credential waits to be anchored, and unknown codes are 404', async () => {
    const pending = await readReply(await fetch(`${system.issuerUrl}/claims/${issued.pending!.code}/certificate.pdf`));
    expect(pending.status).toBe(202);
    expect(pending.body.status).toBe('pending');
    expect(pending.headers.get('retry-after')).toBe('5');
    const unknown = await readReply(await fetch(`${system.issuerUrl}/claims/AAAA-BBBB-CCCC-DDDD-EEEE/certificate.pdf`));
    expect(unknown.status).toBe(404);
  });
});

describe("the learner's claim page, for a browser", () => {
  const asBrowser = (code: string, language = 'ar,en;q=0.5', path = '') =>
    fetch(`${system.issuerUrl}/claims/${code}${path}`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': language },
    });

  it("shows the credential in the browser's language (Arabic right to left), under a policy that runs no script", async () => {
    const reply = await asBrowser(issued.arabic!.code);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.headers.get('content-language')).toBe('ar');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const csp = reply.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    const page = await reply.text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain(learners.arabic);
    expect(page).toContain(`href="/claims/${issued.arabic!.code}/certificate.pdf?lang=ar"`);
    expect(page).not.toMatch(/<script/);
    // The wallet and scripts still get the bundle.
    const api = await fetch(`${system.issuerUrl}/claims/${issued.arabic!.code}`);
    expect((await api.json()).type).toBe('SkillmarkCredentialBundle');
  });

  it('saves a QR code image that an independent decoder reads and the verifier finds valid', async () => {
    const reply = await asBrowser(issued.latin!.code, 'fr', '/qr.png');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('image/png');
    const file = join(tempDir('skillmark-claim-qr-'), 'qr.png');
    writeFileSync(file, Buffer.from(await reply.arrayBuffer()));
    const { stdout } = await run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', file]);
    const verdict = await verify(stdout.trim());
    expect(verdict.body.verdict).toBe('valid');
    expect(verdict.body.credential.credentialSubject.name).toBe(learners.latin);
  });

  it("says in plain words, in the reader's language, when the code is pending, unknown or refused", async () => {
    const pending = await asBrowser(issued.pending!.code, 'es');
    expect(pending.status).toBe(202);
    const pendingPage = await pending.text();
    expect(pendingPage).toContain('<html lang="es" dir="ltr">');
    expect(pendingPage).toMatch(/<meta http-equiv="refresh" content="\d+">/);
    const unknown = await asBrowser('AAAA-BBBB-CCCC-DDDD-EEEE', 'pt');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<html lang="pt" dir="ltr">');
  });
});

describe('a revoked credential', () => {
  it('has no certificate any more: 409 for the institution, 410 for the learner', async () => {
    const { chinese } = issued;
    expect((await revokeCredential(system, chinese!.id, { reason: 'issuedInError' })).status).toBe(200);
    const institution = await readReply(await asInstitution(`/credentials/${chinese!.id}/certificate.pdf`));
    expect(institution.status, institution.text).toBe(409);
    expect(institution.body.title).toBe('Credential revoked');
    const learner = await readReply(await fetch(`${system.issuerUrl}/claims/${chinese!.code}/certificate.pdf`));
    expect(learner.status).toBe(410);
    const page = await fetch(`${system.issuerUrl}/claims/${chinese!.code}?lang=zh`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('<html lang="zh" dir="ltr">');
  });
});
