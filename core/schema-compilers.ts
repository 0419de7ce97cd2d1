import Ajv2019Module from 'ajv/dist/2019.js';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv and ajv-formats are CommonJS with a default export.
const Ajv2019 = Ajv2019Module as unknown as typeof Ajv2019Module.default;
const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** How every schema of the project is read: strict, every error reported. */
export const SCHEMA_OPTIONS = {
  allErrors: true,
  strict: true,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
} as const;

/** With `source`, the compiled code can be written out as a module (ajv's standalone code: wallet-cli/build.ts). */
const sourceOption = (source?: boolean) => (source ? { code: { source: true, esm: true } } : {});

/**
 * The compiler of the project's own schemas (draft 2020-12). They are checked against the JSON
 * Schema meta-schema by core/schemas.test.ts: compiling that meta-schema at every start cost the
 * wallet's `list` about a tenth of its start time (npm run bench wallet).
 */
export function schemaCompiler(options: { source?: boolean } = {}) {
  const ajv = new Ajv2020({ ...SCHEMA_OPTIONS, validateSchema: false, ...sourceOption(options.source) });
  addFormats(ajv);
  return ajv;
}

/** The compiler of schemas others publish (Open Badges 3.0: draft 2019-09), read as their draft asks, not strictly. */
export function publishedSchemaCompiler(options: { source?: boolean } = {}) {
  const ajv = new Ajv2019({ allErrors: true, strict: false, validateSchema: false, ...sourceOption(options.source) });
  addFormats(ajv);
  return ajv;
}
