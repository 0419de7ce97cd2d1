import { LANGUAGES } from '../core/messages/index.ts';
import { standInVerifierApp } from '../test/support/api-apps.ts';
import { report } from './report.ts';

/** The first load's budget (issue 9): HTML, CSS and JS, as sent compressed. */
const BUDGET_BYTES = 30 * 1024;

const app = standInVerifierApp();

/** Bytes on the wire (gzip, as the verifier sends them to a browser that accepts it) and uncompressed. */
async function sizeOf(path: string): Promise<{ sent: number; raw: number }> {
  const response = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  const sent = (await response.clone().arrayBuffer()).byteLength;
  const encoding = response.headers.get('content-encoding');
  const raw = encoding
    ? (await new Response(response.body!.pipeThrough(new DecompressionStream(encoding as 'gzip'))).arrayBuffer())
        .byteLength
    : sent;
  return { sent, raw };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * `npm run bench page`: what the verification page's first load costs in each language (the page,
 * its style and its script, compressed as served), against the 30 KB budget; and the QR decoder
 * that only a browser without BarcodeDetector loads, when the camera or an image needs it.
 */
export async function pageBench(): Promise<void> {
  const css = await sizeOf('/assets/verify.css');
  const js = await sizeOf('/assets/verify.js');
  const rows = [];
  for (const language of Object.keys(LANGUAGES)) {
    const html = await sizeOf(`/?lang=${language}`);
    const total = html.sent + css.sent + js.sent;
    rows.push({
      language,
      'html (sent / raw)': `${kb(html.sent)} / ${kb(html.raw)}`,
      'css (sent / raw)': `${kb(css.sent)} / ${kb(css.raw)}`,
      'js (sent / raw)': `${kb(js.sent)} / ${kb(js.raw)}`,
      'first load sent': kb(total),
      'within 30 KB': total <= BUDGET_BYTES ? 'yes' : 'NO',
    });
  }
  const reader = await sizeOf('/assets/zxing-reader.js');
  const wasm = await sizeOf('/assets/zxing_reader.wasm');
  report('page', 'Verification page: first load (HTML + CSS + JS), compressed as the verifier sends it', rows, [
    `Loaded later, only without BarcodeDetector, for the camera or an image: zxing-wasm reader ${kb(reader.sent)} sent (${kb(reader.raw)}) + wasm ${kb(wasm.sent)} sent (${kb(wasm.raw)}).`,
    'Sent: gzip by hono/compress, as a browser sending Accept-Encoding: gzip receives it; nothing else is fetched on first load.',
  ]);
  if (rows.some((row) => row['within 30 KB'] === 'NO')) process.exitCode = 1;
}
