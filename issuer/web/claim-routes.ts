import type { Context, Hono, Env as HonoEnv } from 'hono';
import { accepts } from 'hono/accepts';
import { NONCE, type SecureHeadersVariables, secureHeaders } from 'hono/secure-headers';
import { HttpProblem, RetryLaterProblem } from '../../core/http-problem.ts';
import { requestLanguage } from '../../core/web/page-language.ts';
import { ANCHORING_RETRY_SECONDS } from '../certificate/certificate-answers.ts';
import { qualificationFieldsOf } from '../certificate/certificate-content.ts';
import type { CredentialBundle } from '../credentials.ts';
import { inQrCode } from '../qr-code.ts';
import { type ClaimedCredential, type ClaimPageState, claimPage } from './claim-page.ts';
import { qrPng, qrSvg } from './qr-image.ts';

/** How the issuer collects a claim code: the bundle, undefined while pending, or its refusal (HttpProblem). */
export type CollectClaim = (c: Context, code: string) => Promise<CredentialBundle | undefined>;

/** No script, styles only under the page's nonce, images only its own: the page needs nothing else. */
const claimPageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: [NONCE],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: false,
});

/** The variables the page's middleware sets on the request. */
type Env = HonoEnv & { Variables: SecureHeadersVariables };

/** A browser asks for a page; the wallet and scripts (JSON or any type) get the API's answer. */
const wantsPage = (c: Context) =>
  accepts(c, { header: 'Accept', supports: ['application/json', 'text/html'], default: 'application/json' }) ===
  'text/html';

/** What the page shows of a credential this issuer signed. */
function claimedCredential(credential: string, institution: string): ClaimedCredential {
  const { learner, qualification, level, occupation, awardedOn } = qualificationFieldsOf(credential);
  return {
    learner,
    qualification,
    ...(level ? { level } : {}),
    ...(occupation ? { occupation: occupation.title } : {}),
    awardedOn,
    institution,
  };
}

/** The page's state for a claim code, from the issuer's own answer to it. */
async function stateOf(c: Context, collect: CollectClaim, code: string, institution: string): Promise<ClaimPageState> {
  try {
    const bundle = await collect(c, code);
    if (!bundle) return { state: 'pending', retryAfterSeconds: ANCHORING_RETRY_SECONDS };
    if (!bundle.qr && inQrCode(bundle.credential)) return { state: 'pending', retryAfterSeconds: 30 };
    return {
      state: 'ready',
      credential: claimedCredential(bundle.credential, institution),
      ...(bundle.qr ? { qrSvg: await qrSvg(bundle.qr) } : {}),
      code,
    };
  } catch (error) {
    if (!(error instanceof HttpProblem)) throw error;
    if (error instanceof RetryLaterProblem && error.status === 429)
      return { state: 'busy', retryAfterSeconds: error.retryAfterSeconds };
    if (error.status === 404) return { state: 'unknown' };
    if (error.status === 410) return { state: error.title === 'Claim code expired' ? 'expired' : 'revoked' };
    throw error;
  }
}

const STATUS_OF_STATE: Record<ClaimPageState['state'], 200 | 202 | 404 | 410 | 429> = {
  ready: 200,
  pending: 202,
  unknown: 404,
  expired: 410,
  revoked: 410,
  busy: 429,
};

/**
 * The learner's claim page at `GET /claims/{code}` for a browser (the API answer stays for the
 * wallet). Mount before the API route.
 */
export function mountClaimPage<E extends HonoEnv>(app: Hono<E>, collect: CollectClaim, institution: string): void {
  app.use('/claims/:code', async (appContext, next) => {
    if (appContext.req.method !== 'GET' || !wantsPage(appContext)) return next();
    // The middleware below sets its variables; the app itself declares none.
    const c = appContext as unknown as Context<Env>;
    const language = await requestLanguage(c);
    await claimPageHeaders(c, async () => {
      const page = await stateOf(c, collect, appContext.req.param('code'), institution);
      c.res = await c.html(claimPage(page, language, c.get('secureHeadersNonce') ?? ''), STATUS_OF_STATE[page.state], {
        'Cache-Control': 'no-store',
        Vary: 'Accept, Accept-Language',
        'Content-Language': language,
      });
    });
    return c.res;
  });
}

/** The QR code of a collected credential as a PNG to save (GET /claims/{code}/qr.png). */
export async function qrCodeImage(c: Context, bundle: CredentialBundle): Promise<Response> {
  if (!bundle.qr)
    throw new HttpProblem(409, 'No QR code holds this credential', 'This credential is too large for one QR code.');
  return c.body(new Uint8Array(await qrPng(bundle.qr)), 200, {
    'content-type': 'image/png',
    'content-disposition': 'attachment; filename="skillmark-credential-qr.png"',
    'cache-control': 'no-store',
  });
}
