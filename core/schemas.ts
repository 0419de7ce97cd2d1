import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { PRECOMPILED_VALIDATORS } from './precompiled-validators.ts';
import { publishedSchemaCompiler, schemaCompiler } from './schema-compilers.ts';

export const QUALIFICATION_SCHEMA_ID = 'urn:skillmark:schema:qualification-credential:1';

export const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
export const KNOWN_SCHEMAS: Record<string, string> = {
  [QUALIFICATION_SCHEMA_ID]: 'qualification-credential.schema.json',
};

/** Where Open Badges 3.0 credentials name the schema they follow (credentialSchema.id). */
export const OPEN_BADGE_SCHEMA_ID =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
/**
 * Schemas others publish, bundled byte for byte so that nothing is fetched: 1EdTech's Open Badges
 * 3.0 AchievementCredential schema (draft 2019-09), from 1EdTech digital-credentials-public-validator
 * @38254719, inspector-vc/src/test/resources/ob30/ (docs/open-badges.md).
 */
export const PUBLISHED_SCHEMAS: Record<string, string> = {
  [OPEN_BADGE_SCHEMA_ID]: 'ob_v3p0_achievementcredential_schema.json',
};

/** A schema bundled in schemas/, ours or published, parsed. */
export const knownSchema = (schemaId: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(SCHEMAS_DIR, (KNOWN_SCHEMAS[schemaId] ?? PUBLISHED_SCHEMAS[schemaId])!), 'utf8'));

let ajv: ReturnType<typeof schemaCompiler> | undefined;
let publishedAjv: ReturnType<typeof publishedSchemaCompiler> | undefined;
const compiled = new Map<string, ValidateFunction>(Object.entries(PRECOMPILED_VALIDATORS));

/**
 * The validator for a schema id, ours or one bundled as published; undefined for any other id.
 * Published schemas are read as their draft asks, not strictly: they are not ours to rewrite.
 */
export function validatorFor(schemaId: string): ValidateFunction | undefined {
  const ours = Object.hasOwn(KNOWN_SCHEMAS, schemaId);
  if (!ours && !Object.hasOwn(PUBLISHED_SCHEMAS, schemaId)) return undefined;
  let validate = compiled.get(schemaId);
  if (!validate) {
    if (ours) {
      ajv ??= schemaCompiler();
      validate = ajv.compile(knownSchema(schemaId));
    } else {
      publishedAjv ??= publishedSchemaCompiler();
      validate = publishedAjv.compile(knownSchema(schemaId));
    }
    compiled.set(schemaId, validate);
  }
  return validate;
}

/** Plain words for the patterns of the schema's own definitions, keyed by their schema path. */
const PATTERN_WORDS: Record<string, string> = {
  '#/$defs/line/pattern':
    'control characters, line breaks and bidirectional embeddings, overrides or isolates are refused in one line of text',
  '#/$defs/paragraphs/pattern':
    'control characters other than line feeds and tabs, and bidirectional embeddings, overrides or isolates are refused',
  '#/$defs/token/pattern': 'white space and control characters are refused in a URL or a type name',
};
/** Plain words for other errors, keyed by their schema path. */
const FIXED_WORDS: Record<string, string> = {
  '#/properties/issuer/else/type': 'must be the institution\'s DID, or an object with that DID as "id"',
  '#/$defs/did/pattern':
    'is not a DID: did:<method>:<identifier>, with a lower-case method name and well-formed %-escapes, not ending in ":"',
  '#/$defs/dateTime/pattern': 'must be a date and time with a time zone, such as 2026-06-30T12:00:00Z',
  '#/properties/id/pattern': 'must be a URL or URN, such as urn:uuid:…',
  '#/properties/credentialSubject/anyOf':
    'must name the learner: "id" (their DID) or "learnerReference" (the institution\'s own reference), or both',
  '#/anyOf': 'must have "issuanceDate" (VC 1.1) or "validFrom" (VC 2.0)',
};

/** The value at a JSON pointer (ajv's instancePath) inside `data`. */
function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const token of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[token.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return value;
}

/** The first character `pattern` (a character class over the whole string) refuses, as U+XXXX. */
function refusedCharacter(value: unknown, pattern: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const accepts = new RegExp(pattern, 'u');
  for (const char of value) {
    if (!accepts.test(char)) return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

/**
 * Schema errors in plain words: `/credentialSubject/qualification/title must NOT have fewer than 1
 * characters`. With the validated `data`, a refused character is named (`U+001B`), since it may
 * not show when printed.
 */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined, limit = 5, data?: unknown): string[] {
  // An anyOf said in words stands for the errors of its branches ("is missing "id"", "is missing "learnerReference"").
  const worded = (errors ?? []).filter((e) => e.keyword === 'anyOf' && Object.hasOwn(FIXED_WORDS, e.schemaPath));
  const described = (errors ?? [])
    // "must match the then/else schema" only repeats the errors found inside it.
    .filter((e) => e.keyword !== 'if')
    .filter((e) => !worded.some((anyOf) => e.schemaPath.startsWith(`${anyOf.schemaPath}/`)))
    .map((e) => {
      const where = e.instancePath || '(root)';
      if (e.keyword === 'additionalProperties')
        return `${where} has an unknown property "${String(e.params.additionalProperty)}"`;
      if (e.keyword === 'required') return `${where} is missing "${String(e.params.missingProperty)}"`;
      if (Object.hasOwn(FIXED_WORDS, e.schemaPath)) return `${where} ${FIXED_WORDS[e.schemaPath]}`;
      if (e.keyword === 'pattern' && Object.hasOwn(PATTERN_WORDS, e.schemaPath)) {
        const value = valueAt(data, e.instancePath);
        if (value === '') return `${where} must not be empty`;
        const char = refusedCharacter(value, String(e.params.pattern));
        return `${where} must not contain ${char ?? 'a refused character'}: ${PATTERN_WORDS[e.schemaPath]}`;
      }
      return `${where} ${e.message ?? 'is invalid'}`;
    });
  return [...new Set(described)].slice(0, limit);
}
