import {
  HASH_BYTES,
  type InstitutionSnapshot,
  type RegistrySnapshot,
  TRUST_BUNDLE_TYPE,
  TRUST_BUNDLE_VERSION,
  type TrustBundlePayload,
} from './payload.ts';

export class TrustBundleError extends Error {}

const ADDRESS = /^0x[0-9a-f]{40}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const UINT16 = 0xffff;
const UINT32 = 0xffffffff;
const MAX_TEXT = 2048;

type Obj = Record<string, unknown>;

function fail(where: string, what: string): never {
  throw new TrustBundleError(`trust bundle: ${where} ${what}`);
}

function object(value: unknown, where: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'must be an object');
  return value as Obj;
}

function whole(value: unknown, where: string, max = Number.MAX_SAFE_INTEGER, min = 0): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max)
    fail(where, `must be a whole number from ${min} to ${max}`);
  return value as number;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT)
    fail(where, `must be a text of 1 to ${MAX_TEXT} characters`);
  return value;
}

function list(value: unknown, where: string, length?: number): unknown[] {
  if (!Array.isArray(value)) fail(where, 'must be a list');
  if (length !== undefined && value.length !== length) fail(where, `must have ${length} items, one per hash`);
  return value;
}

/** Packed hashes, strictly increasing (sorted, no duplicates); their count. */
function packed(value: unknown, where: string): number {
  if (typeof value !== 'string' || !BASE64URL.test(value)) fail(where, 'must be base64url');
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.length % HASH_BYTES !== 0 || bytes.toString('base64url') !== value)
    fail(where, `must hold whole ${HASH_BYTES}-byte hashes`);
  for (let offset = HASH_BYTES; offset < bytes.length; offset += HASH_BYTES) {
    const previous = bytes.subarray(offset - HASH_BYTES, offset);
    if (Buffer.compare(previous, bytes.subarray(offset, offset + HASH_BYTES)) >= 0)
      fail(where, 'must be sorted without duplicates');
  }
  return bytes.length / HASH_BYTES;
}

const wholes = (value: unknown, where: string, length: number, max?: number, min?: number) =>
  list(value, where, length).map((v, i) => whole(v, `${where}[${i}]`, max, min));

/** `count` 32-byte hashes in a given order (not sorted), concatenated and base64url-encoded. */
function hashesInOrder(value: unknown, where: string, count: number): string {
  if (typeof value !== 'string' || !BASE64URL.test(value)) fail(where, 'must be base64url');
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.length !== count * HASH_BYTES || bytes.toString('base64url') !== value)
    fail(where, `must hold ${count} ${HASH_BYTES}-byte hashes, one per list`);
  return value;
}

function statusLists(value: unknown, where: string): NonNullable<InstitutionSnapshot['statusLists']> {
  const s = object(value, where);
  const count = packed(s.keys, `${where}.keys`);
  return {
    keys: s.keys as string,
    bitsHashes: hashesInOrder(s.bitsHashes, `${where}.bitsHashes`, count),
    bitsOnly: wholes(s.bitsOnly, `${where}.bitsOnly`, count, 1),
  };
}

function institution(value: unknown, where: string): InstitutionSnapshot {
  const i = object(value, where);
  const history = list(i.statusHistory, `${where}.statusHistory`).map((entry, n) => {
    const pair = list(entry, `${where}.statusHistory[${n}]`);
    if (pair.length !== 2) fail(`${where}.statusHistory[${n}]`, 'must be [status, since]');
    return [
      whole(pair[0], `${where}.statusHistory[${n}][0]`, 3, 1),
      whole(pair[1], `${where}.statusHistory[${n}][1]`),
    ] as [number, number];
  });
  if (history.length === 0) fail(`${where}.statusHistory`, 'must not be empty');
  const dids = list(i.dids, `${where}.dids`).map((entry, n) => {
    const d = object(entry, `${where}.dids[${n}]`);
    const did = text(d.did, `${where}.dids[${n}].did`);
    if (d.compromisedSince === undefined) return { did };
    return { did, compromisedSince: whole(d.compromisedSince, `${where}.dids[${n}].compromisedSince`, undefined, 1) };
  });
  if (dids.length === 0) fail(`${where}.dids`, 'must not be empty');
  const r = object(i.revocations, `${where}.revocations`);
  const count = packed(r.hashes, `${where}.revocations.hashes`);
  return {
    id: whole(i.id, `${where}.id`, UINT32, 1),
    name: text(i.name, `${where}.name`),
    statusHistory: history,
    dids,
    revocations: {
      hashes: r.hashes as string,
      revokedAt: wholes(r.revokedAt, `${where}.revocations.revokedAt`, count, undefined, 1),
      reason: wholes(r.reason, `${where}.revocations.reason`, count, UINT16),
    },
    ...(i.statusLists === undefined ? {} : { statusLists: statusLists(i.statusLists, `${where}.statusLists`) }),
  };
}

function registry(value: unknown, where: string): RegistrySnapshot {
  const r = object(value, where);
  const address = (v: unknown, at: string) =>
    typeof v === 'string' && ADDRESS.test(v) ? v : fail(at, 'must be a lower-case 0x address');
  const asOf = object(r.asOf, `${where}.asOf`);
  const anchors = object(r.anchors, `${where}.anchors`);
  const count = packed(anchors.roots, `${where}.anchors.roots`);
  const institutions = list(r.institutions, `${where}.institutions`).map((v, n) =>
    institution(v, `${where}.institutions[${n}]`),
  );
  if (institutions.some((inst, n) => n > 0 && inst.id <= institutions[n - 1]!.id))
    fail(`${where}.institutions`, 'must be sorted by id without duplicates');
  return {
    name: text(r.name, `${where}.name`),
    chainId: whole(r.chainId, `${where}.chainId`, undefined, 1),
    registry: address(r.registry, `${where}.registry`),
    ...(r.migratedFrom === undefined
      ? {}
      : {
          migratedFrom: list(r.migratedFrom, `${where}.migratedFrom`).map((m, n) => {
            const o = object(m, `${where}.migratedFrom[${n}]`);
            return {
              chainId: whole(o.chainId, `${where}.migratedFrom[${n}].chainId`, undefined, 1),
              registry: address(o.registry, `${where}.migratedFrom[${n}].registry`),
            };
          }),
        }),
    asOf: { block: whole(asOf.block, `${where}.asOf.block`), time: whole(asOf.time, `${where}.asOf.time`) },
    institutions,
    anchors: {
      roots: anchors.roots as string,
      institution: wholes(anchors.institution, `${where}.anchors.institution`, count, UINT32, 1),
      anchoredAt: wholes(anchors.anchoredAt, `${where}.anchors.anchoredAt`, count, undefined, 1),
      batchSize: wholes(anchors.batchSize, `${where}.anchors.batchSize`, count, UINT32, 1),
    },
  };
}

/** Checks every field of a decoded bundle payload; throws TrustBundleError naming the first wrong one. */
export function validateTrustBundlePayload(value: unknown): TrustBundlePayload {
  const p = object(value, 'payload');
  if (p.type !== TRUST_BUNDLE_TYPE) fail('payload.type', `must be "${TRUST_BUNDLE_TYPE}"`);
  if (p.version !== TRUST_BUNDLE_VERSION)
    fail('payload.version', `must be ${TRUST_BUNDLE_VERSION} (this verifier reads no other)`);
  const issuedAt = whole(p.issuedAt, 'payload.issuedAt', undefined, 1);
  const expiresAt = whole(p.expiresAt, 'payload.expiresAt', undefined, issuedAt + 1);
  const registries = list(p.registries, 'payload.registries').map((r, n) => registry(r, `payload.registries[${n}]`));
  if (registries.length === 0) fail('payload.registries', 'must not be empty');
  return { type: TRUST_BUNDLE_TYPE, version: TRUST_BUNDLE_VERSION, issuedAt, expiresAt, registries };
}
