import type { ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Validators compiled ahead of time, by schema id. Empty here: the services compile the schemas
 * once at start (core/schemas.ts). The wallet's build (wallet-cli/build.ts) puts ajv's standalone
 * code for every known schema in this module's place, so a wallet command that checks a
 * credential's content does not compile a schema at each start.
 */
export const PRECOMPILED_VALIDATORS: Readonly<Record<string, ValidateFunction>> = {};
