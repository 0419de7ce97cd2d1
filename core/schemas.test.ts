import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SCHEMA_OPTIONS } from './schema-compilers.ts';
import { KNOWN_SCHEMAS, SCHEMAS_DIR, validatorFor } from './schemas.ts';

const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** The validators skip the meta-schema at start (core/schemas.ts): each schema is checked against it here. */
describe("the project's schemas", () => {
  for (const [id, file] of Object.entries(KNOWN_SCHEMAS))
    it(`${file} is a valid JSON Schema 2020-12 under the strict options, and compiles`, () => {
      const ajv = new Ajv2020({ ...SCHEMA_OPTIONS });
      addFormats(ajv);
      const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8'));
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => ajv.compile(schema)).not.toThrow();
      expect(validatorFor(id)).toBeTypeOf('function');
    });

  it('a schema that breaks the meta-schema is caught by that check', () => {
    const ajv = new Ajv2020({ ...SCHEMA_OPTIONS });
    expect(ajv.validateSchema({ type: 'object', properties: { name: { type: 'text' } } })).toBe(false);
  });
});
