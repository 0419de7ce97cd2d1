import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019Module, { type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { HttpProblem } from '../../core/http-problem.ts';
import { describeSchemaErrors, SCHEMAS_DIR } from '../../core/schemas.ts';

// ajv and ajv-formats are CommonJS with a default export.
const Ajv2019 = Ajv2019Module as unknown as typeof Ajv2019Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * The 1EdTech Open Badges 3.0 AchievementCredential JSON Schema (draft 2019-09), bundled as
 * published (1EdTech digital-credentials-public-validator @38254719,
 * inspector-vc/src/test/resources/ob30/ob_v3p0_achievementcredential_schema.json; the same as
 * https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json),
 * so that the issuer checks what it signs without fetching anything.
 */
export const OPEN_BADGE_SCHEMA_FILE = 'ob_v3p0_achievementcredential_schema.json';
/** Where OB 3.0 credentials name the schema they follow (credentialSchema.id). */
export const OPEN_BADGE_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
export const OPEN_BADGE_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** The types by which a credential claims to be an Open Badge 3.0 (AchievementCredential, or its alias). */
export const OPEN_BADGE_TYPES = ['OpenBadgeCredential', 'AchievementCredential'] as const;

let validate: ValidateFunction | undefined;

/** The schema's errors for `credential` in plain words (empty when it conforms). */
export function openBadgeSchemaErrors(credential: unknown): string[] {
  if (!validate) {
    // Not strict: the schema is 1EdTech's, written with keywords ajv's strict mode questions (items arrays with additionalItems).
    const ajv = new Ajv2019({ allErrors: true, strict: false, validateSchema: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS_DIR, OPEN_BADGE_SCHEMA_FILE), 'utf8')));
  }
  return validate(credential) ? [] : describeSchemaErrors(validate.errors, 10, credential);
}

/** Whether a credential's type claims Open Badges 3.0. */
export function claimsOpenBadge(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => (OPEN_BADGE_TYPES as readonly unknown[]).includes(t));
}

/** Refuses (422, naming each property) a credential that claims an OB type without conforming to the schema. */
export function refuseUnlessOpenBadge(credential: unknown): void {
  const errors = openBadgeSchemaErrors(credential);
  if (errors.length > 0)
    throw new HttpProblem(
      422,
      'Invalid credential',
      `The credential claims an Open Badges 3.0 type but does not conform to the OB 3.0 schema: ${errors.join('; ')}.`,
      { errors },
    );
}
