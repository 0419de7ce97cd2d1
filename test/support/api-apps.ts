import type { OpenAPIHono } from '@hono/zod-openapi';
import { createIssuerApp } from '../../issuer/app.ts';
import { SCOPES } from '../../issuer/tokens/scopes.ts';
import { createVerifierApp } from '../../verifier/app.ts';

/**
 * The two services' HTTP apps over stand-in services, for what needs no credential or ledger: the
 * API description and the answers given before a service is called (401, 404, validation).
 * A stand-in that is called anyway throws, which the apps answer as a 500.
 */
const notCalled = (): never => {
  throw new Error('stand-in service called');
};
const unreachable = new Proxy({}, { get: () => notCalled });

/** Stand-in API tokens: `stand-in-<scope>-token` has that one scope. */
const standInTokens = {
  authenticate: async (token: string) => {
    const scope = SCOPES.find((s) => token === `stand-in-${s}-token`);
    return scope && { tokenId: `${scope}-id`, name: `stand-in ${scope}`, scopes: [scope] };
  },
  usedRecently: () => false,
  create: notCalled,
  list: notCalled,
  revoke: notCalled,
};

export function standInIssuerApp(): OpenAPIHono {
  return createIssuerApp({
    credentials: unreachable as never,
    claimCodes: { check: async () => 'unknown' } as never,
    claimGuard: { retryAfterSeconds: () => 0, miss: () => {} } as never,
    rateLimit: { perMinute: 0 },
    verifyAdminToken: (token) => token === 'stand-in-admin-token',
    apiTokens: standInTokens as never,
    audit: { record: async () => {}, newest: notCalled, all: notCalled } as never,
    institution: { name: 'Stand-in Training Centre', chainId: 31337, registry: `0x${'0'.repeat(40)}` },
    signingDid: () => 'did:key:z6MkStandIn',
    rotateSigningKey: notCalled,
    reportSigningKeyCompromise: notCalled,
    ledgerAddress: () => `0x${'1'.repeat(40)}`,
    rotateLedgerKey: notCalled,
    publicUrl: 'http://127.0.0.1:1',
    anchoringStatus: notCalled,
    log: () => {},
  });
}

export function standInVerifierApp(): OpenAPIHono<any> {
  return createVerifierApp({ context: unreachable as never, challenges: unreachable as never, log: () => {} });
}

/** Each route the app answers, as OpenAPI writes it: `GET /credentials/{id}`. */
export function routesOf(app: OpenAPIHono<any>): string[] {
  const routes = app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  return [...new Set(routes)].sort();
}
