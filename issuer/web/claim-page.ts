import { html, raw } from 'hono/html';
import { dateInWords } from '../../core/date-in-words.ts';
import { LANGUAGES, type PageKey, pageWords } from '../../core/messages/index.ts';
import { languageSwitcher } from '../../core/web/language-switcher.ts';

/** What the learner's credential says, in the words the page shows. */
export interface ClaimedCredential {
  learner: string;
  qualification: string;
  level?: string;
  occupation?: string;
  /** The award date, YYYY-MM-DD: the page writes it out in the reader's language. */
  awardedOn: string;
  institution: string;
}

/** Where a claim code stands, as the learner's page shows it. */
export type ClaimPageState =
  /** Without `qrSvg` for a credential the learner presents from the wallet only (an SD-JWT VC, docs/privacy.md). */
  | { state: 'ready'; credential: ClaimedCredential; qrSvg?: string; code: string }
  | { state: 'pending'; retryAfterSeconds: number }
  | { state: 'unknown' | 'expired' | 'revoked' }
  | { state: 'busy'; retryAfterSeconds: number };

/** The page's own few rules, inline under the CSP nonce: one request, readable from 320 px, mirrored for Arabic. */
const STYLE = `*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Devanagari","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#fff}
header,main{max-inline-size:40rem;margin-inline:auto;padding-inline:1rem}
h1{font-size:1.5rem;line-height:1.25;margin-block:.5rem}
.languages{display:flex;flex-wrap:wrap;gap:.25rem .9rem;list-style:none;padding:0;margin:.75rem 0 0}
.languages a{color:#0b4f9c;display:inline-block;padding-block:.25rem}
.languages a[aria-current]{color:#1a1a1a;font-weight:700;text-decoration:none}
.qualification{font-size:1.3rem;font-weight:700;margin-block:.5rem}
dl{display:grid;grid-template-columns:minmax(5rem,max-content) minmax(0,1fr);gap:.3rem 1rem;margin:0}
dt{font-weight:700;color:#4a4a4a}dd{margin:0;overflow-wrap:anywhere}
figure{margin:1.25rem 0}figure svg{display:block;inline-size:100%;max-inline-size:24rem;block-size:auto;background:#fff}
figcaption{margin-block-start:.5rem}
.actions{display:grid;gap:.75rem;margin-block:1rem}
.actions a{display:block;text-align:center;padding:.75rem 1rem;border-radius:.4rem;border:2px solid #0b4f9c;color:#0b4f9c;font-weight:700;text-decoration:none}
.actions a.primary{background:#0b4f9c;color:#fff}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.notice{padding:.75rem 1rem;border-inline-start:4px solid #8a5300;background:#fff6e5}`;

function credentialSection(
  w: (key: PageKey, params?: Record<string, string>) => string,
  page: Extract<ClaimPageState, { state: 'ready' }>,
  language: string,
) {
  const { credential, code } = page;
  const base = `/claims/${encodeURIComponent(code)}`;
  const row = (key: PageKey, value: string | undefined) => (value ? html`<dt>${w(key)}</dt><dd>${value}</dd>` : html``);
  return html`<p class="qualification">${credential.qualification}</p>
<dl>
${row('field_learner', credential.learner)}
${row('field_level', credential.level)}
${row('field_occupation', credential.occupation)}
${row('field_awarded', dateInWords(credential.awardedOn, language))}
${row('field_institution', credential.institution)}
</dl>
${
  page.qrSvg === undefined
    ? html`<p class="notice">${w('claim_wallet_only', { command: `skillmark-wallet receive ${code}` })}</p>`
    : qrSection(w, page.qrSvg, base, language)
}`;
}

function qrSection(
  w: (key: PageKey, params?: Record<string, string>) => string,
  qrSvg: string,
  base: string,
  language: string,
) {
  return html`<figure>
${raw(qrSvg.replace('<svg ', `<svg role="img" aria-label="${w('claim_save_qr').replace(/"/g, '&quot;')}" `))}
<figcaption>${w('claim_show_employer')}</figcaption>
</figure>
<p class="actions">
<a class="primary" href="${base}/qr.png" download="credential-qr.png">${w('claim_save_qr')}</a>
<a href="${base}/certificate.pdf?lang=${language}" download="certificate.pdf">${w('claim_download_pdf')}</a>
</p>`;
}

/**
 * The learner's claim page in one language: the credential with its QR code and the buttons to
 * keep it (image, PDF), or, for a code that cannot be collected now, what to do. No script at all.
 */
export function claimPage(page: ClaimPageState, language: string, styleNonce: string) {
  const words = pageWords(language);
  const w = (key: PageKey, params: Record<string, string> = {}) =>
    words[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  const { dir } = LANGUAGES[language] ?? LANGUAGES.en!;
  const body =
    page.state === 'ready'
      ? credentialSection(w, page, language)
      : html`<p class="notice" role="status">${
          page.state === 'pending'
            ? w('claim_not_ready')
            : page.state === 'busy'
              ? w('claim_too_many_tries', { seconds: String(page.retryAfterSeconds) })
              : w(`claim_code_${page.state}`)
        }</p>`;
  // A code still being recorded is looked at again by the browser itself, without a script.
  const refresh =
    page.state === 'pending' ? html`<meta http-equiv="refresh" content="${page.retryAfterSeconds}">` : html``;
  return html`<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${refresh}
<title>${w('claim_title')}</title>
<link rel="icon" href="data:,">
<style nonce="${styleNonce}">${raw(STYLE)}</style>
</head>
<body>
<header>${languageSwitcher(language, w('language_label'))}</header>
<main>
<h1>${w('claim_title')}</h1>
${body}
</main>
</body>
</html>`;
}
