import { describe, expect, it } from 'vitest';
import { dateInWords } from '../../core/date-in-words.ts';
import { LANGUAGES, pageWords } from '../../core/messages/index.ts';
import { type ClaimedCredential, claimPage } from './claim-page.ts';
import { qrSvg } from './qr-image.ts';

const credential: ClaimedCredential = {
  learner: 'أمينة يوسف <script>alert(1)</script>',
  qualification: 'National Certificate in Electrical Installation',
  level: 'EQF 4',
  occupation: 'Electrician (ISCO-08 7411)',
  awardedOn: '2026-06-30',
  institution: 'Skillmark Demo Training Centre',
};

/** As the page writes text: hono/html escapes quotes and apostrophes too. */
const escaped = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const render = async (...args: Parameters<typeof claimPage>) => String(await claimPage(...args));

describe("the learner's claim page", () => {
  it('shows the credential, its QR code and the two ways to keep it, with no script', async () => {
    const page = await render(
      { state: 'ready', credential, qrSvg: await qrSvg('SM1:TEST'), code: 'ABCD-EFGH' },
      'en',
      'n0nce',
    );
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain('National Certificate in Electrical Installation');
    expect(page).toContain('30 June 2026');
    expect(page).toContain('href="/claims/ABCD-EFGH/qr.png"');
    // The certificate in the page's language.
    expect(page).toContain('href="/claims/ABCD-EFGH/certificate.pdf?lang=en"');
    expect(page).toMatch(/<svg role="img" aria-label="Save the QR code image"/);
    expect(page).toContain('<style nonce="n0nce">');
    // The learner's name is text, never markup.
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toMatch(/<script/);
  });

  it('for a credential presented from the wallet only (SD-JWT VC): no QR code or certificate, the wallet command instead', async () => {
    const page = await render({ state: 'ready', credential, code: 'ABCD-EFGH' }, 'en', 'n0nce');
    expect(page).toContain('National Certificate in Electrical Installation');
    expect(page).toContain('so it has no QR code or printed certificate');
    expect(page).toContain('skillmark-wallet receive ABCD-EFGH');
    expect(page).not.toMatch(/<svg|qr\.png|certificate\.pdf/);
  });

  it('speaks every language of the catalogue, Arabic right to left, with the date in that language', async () => {
    for (const [tag, language] of Object.entries(LANGUAGES)) {
      const page = await render({ state: 'ready', credential, qrSvg: '<svg ></svg>', code: 'C' }, tag, 'n');
      expect(page).toContain(`<html lang="${tag}" dir="${language.dir}">`);
      expect(page).toContain(escaped(pageWords(tag).claim_download_pdf));
      expect(page).toContain(dateInWords('2026-06-30', tag));
      expect(page).toContain(`certificate.pdf?lang=${tag}`);
    }
    expect(await render({ state: 'unknown' }, 'ar', 'n')).toContain('dir="rtl"');
  });

  it('says what to do for a code that cannot be collected now, and looks again by itself while pending', async () => {
    const pending = await render({ state: 'pending', retryAfterSeconds: 15 }, 'fr', 'n');
    expect(pending).toContain(escaped(pageWords('fr').claim_not_ready));
    expect(pending).toContain('<meta http-equiv="refresh" content="15">');
    expect(await render({ state: 'expired' }, 'es', 'n')).toContain(escaped(pageWords('es').claim_code_expired));
    expect(await render({ state: 'revoked' }, 'pt', 'n')).toContain(escaped(pageWords('pt').claim_code_revoked));
    const busy = await render({ state: 'busy', retryAfterSeconds: 42 }, 'en', 'n');
    expect(busy).toContain('Wait 42 seconds');
    expect(busy).not.toContain('http-equiv="refresh"');
  });
});
