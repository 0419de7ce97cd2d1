/**
 * The employer's verification page in a real browser (Debian's chromium driven by playwright-core):
 * real credentials issued and anchored by a started system, rendered as QR images, uploaded, pasted,
 * and shown to chromium's fake camera, read by the page's own decoder (zxing-wasm: chromium on Linux
 * has no BarcodeDetector). UPDATE_SCREENSHOTS=1 also writes docs/screenshots/verify-*.png.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { pageWords } from '../core/messages/index.ts';
import { decodeQrBundle, encodeQrBundle } from '../core/qr-bundle/index.ts';
import { CHROMIUM, HAVE_CHROMIUM, IN_CI, launchChromium, warnWithoutChromium } from './support/chromium.ts';
import { conformancePath } from './support/conformance.ts';
import {
  claimWhenAnchored,
  issue,
  PROJECT_ROOT,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  startSystem,
  tempDir,
} from './support/system.ts';

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(PROJECT_ROOT, 'docs', 'screenshots') : undefined;

warnWithoutChromium('test/verification-page.test.ts');

it.runIf(IN_CI)('has chromium to test the page with (CI installs it: .ci/run)', () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs Debian's chromium`).toBe(true);
});

/**
 * One still frame as a Y4M video (what chromium's fake camera plays in a loop): the QR code's
 * modules drawn in black on white, 6 pixels each, centred in 1280x720. Written by hand because
 * the machines have no ffmpeg, and Y4M is a text header and raw planes.
 */
function qrVideo(text: string): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const [width, height, scale] = [1280, 720, 6];
  const luma = Buffer.alloc(width * height, 235);
  const left = (width - modules.size * scale) >> 1;
  const top = (height - modules.size * scale) >> 1;
  for (let y = 0; y < modules.size * scale; y++)
    for (let x = 0; x < modules.size * scale; x++)
      if (modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(top + y) * width + left + x] = 16;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]);
}

/** Chromium whose camera plays the given Y4M file. */
const launchWithCamera = (fakeCameraFile: string) =>
  launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${fakeCameraFile}`,
  ]);

describe.runIf(HAVE_CHROMIUM)('the verification page in chromium', () => {
  let system: RunningSystem;
  let scratch: string;
  let browser: import('playwright-core').Browser;
  let valid: string;
  let revoked: string;
  let tampered: string;
  /** The same qualification issued as an Open Badges 3.0 AchievementCredential, as QR text. */
  let badge: string;
  /** The claim bundle as a wallet would save it, without its QR text: a credential and its receipt. */
  let bundleFile: Buffer;
  /** An SD-JWT VC as the learner shares it (`share --disclose`): the qualification, without the name; and with every detail. */
  let selectiveFile: Buffer;
  let fullyDisclosedFile: Buffer;
  /** The learner's certificate PDF as the issuer prints it, and that page printed to a 150 dpi PNG. */
  let certificate: Buffer;
  let printedPage: Buffer;
  /** The learner's claim URL of the valid credential. */
  let claimUrl: string;

  beforeAll(async () => {
    scratch = tempDir('skillmark-page-');
    // Chromium opens its fake camera's file only when the page asks for the camera: it can start
    // beside the system, and the file is written once the credential exists.
    const video = join(scratch, 'camera.y4m');
    const [started, launched] = await Promise.allSettled([startSystem(), launchWithCamera(video)]);
    // Kept even when the other failed, so that afterAll stops what did start.
    if (started.status === 'fulfilled') system = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
    const issueOne = async (reference: string, openBadge = false) => {
      const request = { ...qualificationRequest({ learnerReference: reference }), ...(openBadge ? { openBadge } : {}) };
      const issued = (await issue(system, request)).body;
      return { issued, bundle: await claimWhenAnchored(issued.claim.url) };
    };
    const issueSelective = async () => {
      const learner = didKeyOfEd25519(ed25519PublicKeyOfSeed(randomBytes(32)));
      const issued = await issue(system, {
        ...qualificationRequest({ id: learner, learnerReference: 'page-selective' }),
        options: { format: 'sd-jwt-vc' },
      });
      expect(issued.status, JSON.stringify(issued.body)).toBe(201);
      return claimWhenAnchored(issued.body.claim.url);
    };
    const [first, second, third, selective] = await Promise.all([
      issueOne('page-valid'),
      issueOne('page-revoked'),
      issueOne('page-badge', true),
      issueSelective(),
    ]);
    // What `share --disclose competency:1` writes: every disclosure but the name and the learner reference.
    const [signed, ...disclosures] = selective.credential.split('~').filter(Boolean);
    const kept = disclosures.filter(
      (d) => !['name', 'learnerReference'].includes(JSON.parse(Buffer.from(d, 'base64url').toString())[1]),
    );
    expect(kept.length).toBe(disclosures.length - 2);
    const shared = (shown: string[]) =>
      Buffer.from(
        JSON.stringify({
          verifiableCredential: `${[signed, ...shown].join('~')}~`,
          options: { anchorReceipt: selective.anchorReceipt },
        }),
      );
    selectiveFile = shared(kept);
    fullyDisclosedFile = shared(disclosures);
    badge = (third.bundle as unknown as { qr: string }).qr;
    valid = (first.bundle as unknown as { qr: string }).qr;
    claimUrl = first.issued.claim.url;
    const { qr: _qr, ...withoutQr } = first.bundle as unknown as Record<string, unknown>;
    bundleFile = Buffer.from(JSON.stringify(withoutQr, null, 2));
    revoked = (second.bundle as unknown as { qr: string }).qr;
    expect((await revokeCredential(system, second.issued.credentialId, { reason: 'issuedInError' })).status).toBe(200);
    const bundle = decodeQrBundle(valid);
    const [header, payload, signature] = bundle.credential.split('.');
    const changed = Buffer.from(payload!, 'base64url').toString('utf8').replace('Amina Yusuf', 'Amina Yusef');
    tampered = encodeQrBundle({
      ...bundle,
      credential: `${header}.${Buffer.from(changed).toString('base64url')}.${signature}`,
    });

    writeFileSync(video, qrVideo(valid));

    const pdf = await fetch(`${first.issued.claim.url}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    certificate = Buffer.from(await pdf.arrayBuffer());
    writeFileSync(join(scratch, 'certificate.pdf'), certificate);
    await promisify(execFile)('pdftoppm', [
      '-r',
      '150',
      '-png',
      '-singlefile',
      join(scratch, 'certificate.pdf'),
      join(scratch, 'printed'),
    ]);
    printedPage = readFileSync(join(scratch, 'printed.png'));
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.destroy();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** A fresh page (no shared state), ready once the script has enabled the controls. */
  async function openPage(query = '', options: { locale?: string; width?: number } = {}) {
    const context = await browser.newContext({
      locale: options.locale ?? 'en-GB',
      viewport: { width: options.width ?? 800, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    const response = await page.goto(`${system.verifierUrl}/${query}`);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, context, response: response!, problems };
  }

  const uploadPng = async (page: import('playwright-core').Page, text: string) =>
    page.setInputFiles('#file', {
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', scale: 4, margin: 4 }),
    });

  const verdictOf = async (page: import('playwright-core').Page) => {
    await page.waitForSelector('#verdict', { timeout: 30_000 });
    return page.getAttribute('#verdict', 'data-verdict');
  };

  const screenshot = async (page: import('playwright-core').Page, name: string) => {
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `verify-${name}.png`), fullPage: true });
  };

  it('is served with a strict Content-Security-Policy, no cookie, in the browser language', async () => {
    const { page, context, response, problems } = await openPage('', { locale: 'fr-FR' });
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(headers['content-security-policy']).not.toMatch(/unsafe-inline|https?:/);
    expect(headers['set-cookie']).toBeUndefined();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Vérifier une attestation de compétences');
    // Every language is one link away, named in itself.
    expect(await page.locator('nav a').allTextContents()).toEqual([
      'English',
      'Français',
      'Español',
      'العربية',
      '中文',
      'Português',
      'हिन्दी',
    ]);
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads an uploaded picture of a real QR code and says valid: who, what, which institution, each check', async () => {
    const { page, context, problems } = await openPage('?lang=en');
    await uploadPng(page, valid);
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.textContent('#verdict h2')).toBe('Valid');
    const summary = await page.textContent('#summary');
    expect(summary).toContain('Amina Yusuf');
    expect(summary).toContain('National Certificate in Electrical Installation');
    expect(summary).toContain('EQF 4');
    expect(summary).toContain('30 June 2026');
    // The institution as the registry names it, never a DID.
    expect(summary).toContain('Skillmark Demo Training Centre');
    expect(summary).toContain('listed on Local development registry');
    expect(summary).not.toContain('did:');
    const checks = await page.locator('#checks li').allTextContents();
    expect(checks.some((c) => c.includes('Signature: Passed'))).toBe(true);
    expect(checks.some((c) => c.includes('compare the name with an identity document'))).toBe(true);
    // Experts' details are folded away.
    expect(await page.isVisible('details pre')).toBe(false);
    expect(await page.evaluate(() => 'ZXingWASM' in window)).toBe(true);
    expect(problems).toEqual([]);
    await screenshot(page, 'valid');
    await context.close();
  });

  it('says a changed credential is not genuine, plainly, without a list of checks', async () => {
    const { page, context } = await openPage('?lang=en');
    await uploadPng(page, tampered);
    expect(await verdictOf(page)).toBe('invalid');
    expect(await page.textContent('#verdict')).toContain('This document was changed after it was issued');
    expect(await page.locator('#checks').count()).toBe(0);
    expect(await page.locator('#summary').count()).toBe(0);
    await screenshot(page, 'not-valid');
    await context.close();
  });

  it('says a revoked credential is not valid, and why', async () => {
    const { page, context } = await openPage('?lang=en');
    await uploadPng(page, revoked);
    expect(await verdictOf(page)).toBe('invalid');
    const revocation = await page.textContent('#checks li[data-check="not_revoked"]');
    expect(revocation).toContain('Revocation: Failed');
    expect(revocation).toContain('issued in error');
    await context.close();
  });

  it('shows an Open Badge: the skills it lists, its criteria and the issuer as the badge names itself', async () => {
    const { page, context, problems } = await openPage('?lang=en');
    await page.fill('#paste', badge);
    await page.click('#check');
    expect(await verdictOf(page)).toBe('valid');
    const summary = await page.textContent('#summary');
    expect(summary).toContain('National Certificate in Electrical Installation');
    expect(await page.locator('#summary .skills li').allTextContents()).toEqual([
      'Install low-voltage wiring',
      'Test and inspect circuits',
    ]);
    expect(summary).toContain('Requirements met');
    expect(summary).toContain('Each of these competencies assessed and found met');
    expect(summary).toContain('Issuer, as the credential names it');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('checks an SD-JWT VC a learner shared with some details left out, and shows only what was disclosed', async () => {
    const { page, context, problems } = await openPage('?lang=en');
    await page.setInputFiles('#file', { name: 'shared.json', mimeType: 'application/json', buffer: selectiveFile });
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.textContent('#summary')).toContain('National Certificate in Electrical Installation');
    const shown = await page.textContent('#result');
    expect(shown).not.toContain('Amina Yusuf');
    expect(shown).not.toContain('page-selective');
    // Disclosed, the same credential's name is shown.
    await page.click('#again');
    await page.setInputFiles('#file', { name: 'all.json', mimeType: 'application/json', buffer: fullyDisclosedFile });
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.textContent('#summary')).toContain('Amina Yusuf');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('checks pasted text, the certificate PDF and a credential file, and says plainly what it cannot read', async () => {
    const { page, context } = await openPage('?lang=en');
    await page.fill('#paste', valid);
    await page.click('#check');
    expect(await verdictOf(page)).toBe('valid');
    await page.click('#again');
    expect(await page.isHidden('#result')).toBe(true);
    await page.setInputFiles('#file', { name: 'certificate.pdf', mimeType: 'application/pdf', buffer: certificate });
    expect(await verdictOf(page)).toBe('valid');
    await page.click('#again');
    await page.setInputFiles('#file', { name: 'credential.json', mimeType: 'application/json', buffer: bundleFile });
    expect(await verdictOf(page)).toBe('valid');
    // A credential with its receipt but no QR code: nobody claims the holder was checked, nor denies it.
    expect(await page.locator('#checks li[data-check="holder"]').count()).toBe(0);
    await page.click('#again');
    // An Open Badge with a Data Integrity proof, pasted as JSON: checked, and its issuer is on no registry.
    await page.fill('#paste', readFileSync(conformancePath('openbadges', 'complete.json'), 'utf8'));
    await page.click('#check');
    expect(await verdictOf(page)).toBe('invalid');
    expect(await page.textContent('#checks')).toContain('not an accredited institution');
    await page.click('#again');
    await page.fill('#paste', 'hello');
    await page.click('#check');
    expect(await verdictOf(page)).toBe('unverifiable');
    expect(await page.textContent('#verdict')).toContain('This is not a Skillmark credential');
    // Said as what it is, not as something that may clear up later.
    expect(await page.textContent('#verdict h2')).toBe('Cannot read this');
    expect(await page.textContent('#result')).not.toMatch(/null|undefined/);
    await context.close();
  });

  it('reads the printed certificate and lays the Arabic page out right to left, with the answer in Arabic', async () => {
    // A browser in English: the file chooser speaks the page's language all the same.
    const { page, context } = await openPage('?lang=ar', { locale: 'en-US' });
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.textContent('label.choose')).toBe('اختر ملفًا');
    expect(await page.textContent('#file-name')).toBe('لم يُختر أي ملف');
    // The QR code read from the printed certificate page.
    await page.setInputFiles('#file', { name: 'scan.png', mimeType: 'image/png', buffer: printedPage });
    expect(await page.textContent('#file-name')).toBe('scan.png');
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.textContent('#verdict h2')).toBe('صالحة');
    expect(await page.textContent('#checks')).toContain('وثيقة هوية');
    // Right to left: the heading starts at the right edge, the verdict icon sits right of its words.
    const heading = (await page.locator('h1').boundingBox())!;
    const main = (await page.locator('main').boundingBox())!;
    const headingText = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1')!);
      return range.getBoundingClientRect().toJSON();
    });
    expect(headingText.right).toBeGreaterThan(heading.x + heading.width - 20);
    expect(headingText.right).toBeGreaterThan(main.x + main.width / 2);
    const icon = (await page.locator('#verdict .icon').boundingBox())!;
    const words = (await page.locator('#verdict h2').boundingBox())!;
    expect(icon.x).toBeGreaterThan(words.x);
    await screenshot(page, 'arabic');
    await context.close();
  });

  it('fits a 320 px wide phone without sideways scrolling', async () => {
    const { page, context } = await openPage('?lang=en', { width: 320 });
    await page.fill('#paste', valid);
    await page.click('#check');
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'phone-320');
    await context.close();
  });

  it("scans the QR code through the camera (chromium's fake camera), decoded by zxing-wasm", async () => {
    const { page, context, problems } = await openPage('?lang=en');
    expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
    await page.click('#scan');
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.isHidden('#camera')).toBe(true);
    expect(await page.textContent('#summary')).toContain('Amina Yusuf');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("takes the learner's claim page (in Arabic) to the employer: the saved QR image verifies on this page", async () => {
    const context = await browser.newContext({
      locale: 'ar',
      viewport: { width: 360, height: 900 },
      acceptDownloads: true,
    });
    const claim = await context.newPage();
    const problems: string[] = [];
    claim.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await claim.goto(claimUrl);
    expect(await claim.getAttribute('html', 'dir')).toBe('rtl');
    expect(await claim.textContent('h1')).toBe(pageWords('ar').claim_title);
    expect(await claim.textContent('main')).toContain('Amina Yusuf');
    expect(await claim.locator('figure svg').count()).toBe(1);
    if (SCREENSHOTS) await claim.screenshot({ path: join(SCREENSHOTS, 'claim-page-arabic.png'), fullPage: true });
    const [download] = await Promise.all([
      claim.waitForEvent('download'),
      claim.click(`text=${pageWords('ar').claim_save_qr}`),
    ]);
    const saved = join(scratch, 'saved-qr.png');
    await download.saveAs(saved);
    const [pdfDownload] = await Promise.all([
      claim.waitForEvent('download'),
      claim.click(`text=${pageWords('ar').claim_download_pdf}`),
    ]);
    expect(
      readFileSync(await pdfDownload.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(problems).toEqual([]);
    await context.close();

    const { page, context: employer } = await openPage('?lang=en');
    await page.setInputFiles('#file', saved);
    expect(await verdictOf(page)).toBe('valid');
    await employer.close();
  });

  it('says "cannot tell right now", and what to do, when the ledger cannot be reached', async () => {
    process.kill(system.ledgerPid(), 'SIGKILL');
    const { page, context } = await openPage('?lang=en');
    await page.fill('#paste', valid);
    await page.click('#check');
    expect(await verdictOf(page)).toBe('unverifiable');
    expect(await page.textContent('#verdict h2')).toBe('Cannot tell right now');
    expect(await page.textContent('#next-steps')).toContain('Try again in a few minutes');
    // Not "no registry lists it": the registry could not be asked.
    expect(await page.textContent('#summary')).toContain('Institution');
    expect(await page.textContent('#summary')).not.toContain('not on any trusted registry');
    await screenshot(page, 'cannot-tell');
    await context.close();
  });
});
