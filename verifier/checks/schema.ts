import { describeSchemaErrors, validatorFor } from '../../core/schemas.ts';
import { fragment } from '../fragment.ts';
import type { Check } from './check.ts';
import type { CredentialSubject } from './subjects.ts';

const declaredSchemas = (credential: Record<string, unknown>): unknown[] => {
  const declared = credential.credentialSchema;
  return Array.isArray(declared) ? declared : declared === undefined ? [] : [declared];
};

/** The credential (in W3C form) against the schema it declares, when that schema is one we know. */
export const schema: Check<CredentialSubject> = {
  name: 'schema',
  skip: ({ credential }) =>
    declaredSchemas(credential.credential).length === 0
      ? fragment('schema', 'skipped', 'schema_not_declared')
      : undefined,
  verify({ credential: { credential } }) {
    const schemas = declaredSchemas(credential);
    for (const declared of schemas) {
      const id = (declared as { id?: unknown })?.id;
      const validate = typeof id === 'string' ? validatorFor(id) : undefined;
      if (!validate) return fragment('schema', 'skipped', 'schema_unknown', { schema: String(id).slice(0, 200) });
      if (!validate(credential)) {
        const errors = describeSchemaErrors(validate.errors, 5, credential);
        return fragment('schema', 'invalid', 'schema_mismatch', { detail: errors.join('; ') }, { schema: id, errors });
      }
    }
    return fragment('schema', 'valid', 'schema_valid', {}, { schemas: schemas.map((s) => (s as { id: string }).id) });
  },
};
