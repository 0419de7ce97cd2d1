import { describeSchemaErrors, validatorFor } from '../../core/schemas.ts';
import { fragment, type CheckFragment } from '../fragment.ts';

/** The credential (in W3C form) against the schema it declares, when that schema is one we know. */
export function checkSchema(credential: Record<string, unknown>): CheckFragment {
  const declared = credential.credentialSchema;
  const schemas = Array.isArray(declared) ? declared : declared === undefined ? [] : [declared];
  if (schemas.length === 0) return fragment('schema', 'skipped', 'schema_not_declared');
  for (const schema of schemas) {
    const id = (schema as { id?: unknown })?.id;
    const validate = typeof id === 'string' ? validatorFor(id) : undefined;
    if (!validate) return fragment('schema', 'skipped', 'schema_unknown', { schema: String(id).slice(0, 200) });
    if (!validate(credential)) {
      const errors = describeSchemaErrors(validate.errors, 5, credential);
      return fragment('schema', 'invalid', 'schema_mismatch', { detail: errors.join('; ') }, { schema: id, errors });
    }
  }
  return fragment('schema', 'valid', 'schema_valid', {}, { schemas: schemas.map((s) => (s as { id: string }).id) });
}
