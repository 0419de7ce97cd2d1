import path from 'node:path';

/**
 * The published test vectors (W3C, OpenZeppelin, 1EdTech, did-jwt-vc), kept beside the repository
 * by this workplace. SKILLMARK_CONFORMANCE_DIR points elsewhere, e.g. from the mutation-testing
 * sandbox, which is a copy of the project in another folder.
 */
export const CONFORMANCE_DIR =
  process.env.SKILLMARK_CONFORMANCE_DIR ?? path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'conformance');

export const conformancePath = (...parts: string[]) => path.join(CONFORMANCE_DIR, ...parts);
