import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { createSecureContext } from 'node:tls';
import { type CredentialFormatName, FORMAT_NAMES } from './formats/index.ts';

/** Runtime configuration, read from environment variables (documented in README). */
export interface SkillmarkConfig {
  /** Where SQLite files, keys and the local ledger's state live. */
  dataDir: string;
  /** Interface every service binds to. */
  host: string;
  issuerPort: number;
  verifierPort: number;
  /** Base URL learners use to reach the issuer (claim links). */
  issuerPublicUrl: string;
  /** Where an employer checks a certificate, printed on it; unset: it names no address. */
  verifierPublicUrl?: string;
  /** Port of the local ledger node started when no `ledgerRpcUrl` is set. */
  ledgerPort: number;
  /** Comma-separated RPC URLs of an external chain; unset means: start a local node. */
  ledgerRpcUrl?: string;
  /** Address of an already deployed registry on the external chain. */
  registryAddress?: string;
  /** PostgreSQL connection string; unset means SQLite files in the data dir. */
  databaseUrl?: string;
  /** Anchoring: close a batch at this many credentials ... */
  batchMaxSize: number;
  /** ... or when its oldest credential has waited this long. */
  batchMaxWaitMs: number;
  /** Confirmations (the anchoring block included) before an anchor's receipts are handed out. */
  anchorConfirmations: number;
  /** Format of issued credentials when a request does not choose by its @context. */
  credentialFormat: CredentialFormatName;
  /** A claim code stops working this many days after it was handed out. */
  claimCodeTtlDays: number;
  /** Requests per minute per client to the issuer without the admin token (0: no limit). */
  issuerRateLimitPerMinute: number;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /** Open connections each service accepts in all ... */
  maxConnections: number;
  /** ... and from one client address. */
  maxConnectionsPerClient: number;
  /** The learner's education levels the issuer accepts (REPORT_EDUCATION_LEVELS); "unknown" is always one. */
  educationLevels: EducationLevel[];
  /** Counts below this are suppressed in the occupation report (REPORT_SUPPRESSION_THRESHOLD). */
  reportSuppressionThreshold: number;
  /** The credential types POST /credentials/issue signs (ISSUABLE_TYPES), or '*' for every type. */
  issuableTypes: IssuableTypes;
  /** HTTPS for the issuer and the verifier (TLS_CERT_FILE, TLS_KEY_FILE); unset: plain HTTP. */
  tls?: TlsKeyPair;
  /** Threads that check and sign a cohort's rows while the main thread stores them (SIGNING_THREADS). */
  signingThreads: number;
}

/** One core stays with the main thread, which stores what the signing threads sign. */
export const defaultSigningThreads = (): number => Math.max(1, availableParallelism() - 1);

/** The services' certificate chain and private key, PEM (TLS_CERT_FILE, TLS_KEY_FILE). */
export interface TlsKeyPair {
  cert: Buffer;
  key: Buffer;
}

/** Credential types an issuer signs beside VerifiableCredential: a list, or '*' for any. */
export type IssuableTypes = readonly string[] | '*';

/** The project's own type and Open Badges 3.0 (AchievementCredential and its alias OpenBadgeCredential). */
export const DEFAULT_ISSUABLE_TYPES: readonly string[] = [
  'QualificationCredential',
  'OpenBadgeCredential',
  'AchievementCredential',
];

const TYPE_NAME = /^[^\s,]{1,200}$/;

/** ISSUABLE_TYPES: type names (or URLs) separated by commas, or `*` for every type. */
function issuableTypes(env: Env): IssuableTypes {
  const raw = optional(env, 'ISSUABLE_TYPES');
  if (raw === undefined) return DEFAULT_ISSUABLE_TYPES;
  if (raw === '*') return '*';
  const types = raw.split(',').map((t) => t.trim());
  const bad = types.find((t) => !TYPE_NAME.test(t));
  if (bad !== undefined)
    throw new ConfigError(
      `ISSUABLE_TYPES: "${bad}" is not a type name; write credential types separated by commas, or * for every type`,
    );
  return types;
}

/** A learner's education level as the institution records it, with its ISCED 2011 level when it maps to one. */
export interface EducationLevel {
  code: string;
  isced?: number;
}

/** The level given when none was: ISCED 2011's 9, "not elsewhere classified". */
export const UNKNOWN_EDUCATION_LEVEL: EducationLevel = { code: 'unknown', isced: 9 };

/** The default set: the levels of a national training statistics table, mapped to ISCED 2011. */
export const DEFAULT_EDUCATION_LEVELS: readonly EducationLevel[] = [
  { code: 'primary', isced: 1 },
  { code: 'lower_secondary', isced: 2 },
  { code: 'upper_secondary', isced: 3 },
  { code: 'technician', isced: 4 },
  { code: 'senior_technician', isced: 5 },
  UNKNOWN_EDUCATION_LEVEL,
];

const LEVEL_ENTRY = /^([a-z][a-z0-9_]{0,39})(?::([0-9]))?$/;

/** REPORT_EDUCATION_LEVELS: `code[:isced]` separated by commas, e.g. `none:0,primary:1,secondary:3`. */
function educationLevels(env: Env): EducationLevel[] {
  const raw = optional(env, 'REPORT_EDUCATION_LEVELS');
  if (raw === undefined) return [...DEFAULT_EDUCATION_LEVELS];
  const levels = raw.split(',').map((entry) => {
    const match = LEVEL_ENTRY.exec(entry.trim());
    if (!match)
      throw new ConfigError(
        `REPORT_EDUCATION_LEVELS: "${entry.trim()}" is not a level; write code or code:isced (lower-case letters, digits and _, then an ISCED level 0-9), separated by commas`,
      );
    return { code: match[1]!, ...(match[2] !== undefined ? { isced: Number(match[2]) } : {}) };
  });
  const twice = levels.find((level, i) => levels.findIndex((l) => l.code === level.code) !== i);
  if (twice) throw new ConfigError(`REPORT_EDUCATION_LEVELS names "${twice.code}" twice`);
  return levels.some((l) => l.code === UNKNOWN_EDUCATION_LEVEL.code) ? levels : [...levels, UNKNOWN_EDUCATION_LEVEL];
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

/** A whole-number setting within bounds, or undefined when unset; a clear error otherwise. */
export function wholeNumber(env: Env, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`}, got "${raw}"`,
    );
  }
  return value;
}

const port = (env: Env, name: string, fallback: number) => wholeNumber(env, name, 0, 65535) ?? fallback;
const positiveInt = (env: Env, name: string, fallback: number) => wholeNumber(env, name, 1) ?? fallback;

function credentialFormat(env: Env): CredentialFormatName {
  const value = optional(env, 'CREDENTIAL_FORMAT') ?? 'vc-jwt-1.1';
  const name = FORMAT_NAMES.find((f) => f === value);
  if (!name) throw new ConfigError(`CREDENTIAL_FORMAT must be one of ${FORMAT_NAMES.join(', ')}, got "${value}"`);
  return name;
}

/** An http(s) address a person can type, without a trailing slash. */
function publicUrl(env: Env, name: string): string | undefined {
  const value = optional(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `${name} must be an http or https address, such as https://verify.example.org, got "${value}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(
      `${name} must be an http or https address, such as https://verify.example.org, got "${value}"`,
    );
  return value.replace(/\/+$/, '');
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readPem(env: Env, name: string): Buffer {
  const path = env[name]!;
  let pem: Buffer;
  try {
    pem = readFileSync(path);
  } catch (error) {
    throw new ConfigError(`${name} names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  if (!pem.includes('-----BEGIN ')) throw new ConfigError(`${name} names ${path}, which is not a PEM file`);
  return pem;
}

/**
 * TLS for the issuer and the verifier, read once at start: both files or neither (plain HTTP).
 * The pair is tried at once, so a key that does not match its certificate stops the start with a
 * clear error, not the first client's handshake.
 */
export function tlsKeyPair(env: Env): TlsKeyPair | undefined {
  const given = ['TLS_CERT_FILE', 'TLS_KEY_FILE'].filter((name) => (env[name] ?? '') !== '');
  if (given.length === 0) return undefined;
  if (given.length === 1)
    throw new ConfigError(
      `${given[0]} is set but ${given[0] === 'TLS_CERT_FILE' ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'} is not: give both (PEM) for HTTPS, or neither for plain HTTP`,
    );
  const pair = { cert: readPem(env, 'TLS_CERT_FILE'), key: readPem(env, 'TLS_KEY_FILE') };
  try {
    createSecureContext(pair);
  } catch (error) {
    throw new ConfigError(
      `TLS_CERT_FILE and TLS_KEY_FILE are not a usable certificate and key (${(error as Error).message})`,
    );
  }
  // createSecureContext refuses another key of the certificate's own type only: an RSA key with an
  // Ed25519 certificate passed, and every handshake then failed.
  let matches: boolean;
  try {
    matches = new X509Certificate(pair.cert).checkPrivateKey(createPrivateKey(pair.key));
  } catch (error) {
    throw new ConfigError(`TLS_CERT_FILE or TLS_KEY_FILE cannot be read (${(error as Error).message})`);
  }
  if (!matches)
    throw new ConfigError(
      "TLS_KEY_FILE is not the private key of TLS_CERT_FILE's certificate: give the pair's own key",
    );
  return pair;
}

export function loadConfig(env: Env = process.env): SkillmarkConfig {
  const host = optional(env, 'SKILLMARK_HOST') ?? '127.0.0.1';
  const issuerPort = port(env, 'ISSUER_PORT', 4100);
  const tls = tlsKeyPair(env);
  return {
    dataDir: resolve(optional(env, 'SKILLMARK_DATA_DIR') ?? './.data'),
    host,
    issuerPort,
    verifierPort: port(env, 'VERIFIER_PORT', 4200),
    issuerPublicUrl: (
      optional(env, 'ISSUER_PUBLIC_URL') ?? `${tls ? 'https' : 'http'}://${host}:${issuerPort}`
    ).replace(/\/+$/, ''),
    verifierPublicUrl: publicUrl(env, 'VERIFIER_PUBLIC_URL'),
    ledgerPort: port(env, 'LEDGER_PORT', 8545),
    ledgerRpcUrl: optional(env, 'LEDGER_RPC_URL'),
    registryAddress: optional(env, 'REGISTRY_ADDRESS'),
    databaseUrl: optional(env, 'DATABASE_URL'),
    batchMaxSize: positiveInt(env, 'ANCHOR_BATCH_SIZE', 500),
    batchMaxWaitMs: positiveInt(env, 'ANCHOR_BATCH_WAIT_MS', 2000),
    // Public chains reorganise a few blocks deep; the embedded node mines one block per transaction.
    anchorConfirmations: positiveInt(env, 'ANCHOR_CONFIRMATIONS', optional(env, 'LEDGER_RPC_URL') ? 12 : 1),
    credentialFormat: credentialFormat(env),
    claimCodeTtlDays: positiveInt(env, 'CLAIM_CODE_TTL_DAYS', 90),
    issuerRateLimitPerMinute: wholeNumber(env, 'ISSUER_RATE_LIMIT', 0) ?? 600,
    trustProxy: env.TRUST_PROXY === '1',
    maxConnections: positiveInt(env, 'MAX_CONNECTIONS', 4096),
    maxConnectionsPerClient: positiveInt(env, 'MAX_CONNECTIONS_PER_CLIENT', 256),
    educationLevels: educationLevels(env),
    reportSuppressionThreshold: positiveInt(env, 'REPORT_SUPPRESSION_THRESHOLD', 5),
    issuableTypes: issuableTypes(env),
    ...(tls ? { tls } : {}),
    signingThreads: wholeNumber(env, 'SIGNING_THREADS', 1, 256) ?? defaultSigningThreads(),
  };
}
