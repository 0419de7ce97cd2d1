import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv and ajv-formats are CommonJS with a default export.
const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const QUALIFICATION_SCHEMA_ID = 'urn:skillmark:schema:qualification-credential:1';

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
const KNOWN_SCHEMAS: Record<string, string> = {
  [QUALIFICATION_SCHEMA_ID]: 'qualification-credential.schema.json',
};

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** The project's validator for a schema id, or undefined when the id is not one of ours. */
export function validatorFor(schemaId: string): ValidateFunction | undefined {
  if (!Object.hasOwn(KNOWN_SCHEMAS, schemaId)) return undefined;
  const file = KNOWN_SCHEMAS[schemaId]!;
  let validate = compiled.get(schemaId);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(schemasDir, file), 'utf8')));
    compiled.set(schemaId, validate);
  }
  return validate;
}

/** Schema errors in plain words: `/credentialSubject/qualification/title must NOT have fewer than 1 characters`. */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined, limit = 5): string[] {
  return (errors ?? []).slice(0, limit).map((e) => {
    const where = e.instancePath || '(root)';
    if (e.keyword === 'additionalProperties') return `${where} has an unknown property "${String(e.params.additionalProperty)}"`;
    if (e.keyword === 'required') return `${where} is missing "${String(e.params.missingProperty)}"`;
    return `${where} ${e.message ?? 'is invalid'}`;
  });
}
