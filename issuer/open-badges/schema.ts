import { HttpProblem } from '../../core/http-problem.ts';
import { describeSchemaErrors, OPEN_BADGE_SCHEMA_ID, PUBLISHED_SCHEMAS, validatorFor } from '../../core/schemas.ts';

/** The bundled OB 3.0 schema's file in schemas/ (its source: core/schemas.ts, docs/open-badges.md). */
export const OPEN_BADGE_SCHEMA_FILE = PUBLISHED_SCHEMAS[OPEN_BADGE_SCHEMA_ID]!;
export const OPEN_BADGE_SCHEMA_URL = OPEN_BADGE_SCHEMA_ID;
export const OPEN_BADGE_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Defines 1EdTechJsonSchemaValidator2019, the type of the badge's credentialSchema, which OPEN_BADGE_CONTEXT leaves undefined. */
export const OPEN_BADGE_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
/** The types by which a credential claims to be an Open Badge 3.0 (AchievementCredential, or its alias). */
export const OPEN_BADGE_TYPES = ['OpenBadgeCredential', 'AchievementCredential'] as const;

/** The schema's errors for `credential` in plain words (empty when it conforms). */
export function openBadgeSchemaErrors(credential: unknown): string[] {
  const validate = validatorFor(OPEN_BADGE_SCHEMA_ID)!;
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
