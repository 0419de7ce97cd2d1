/** The base JSON-LD contexts of the two VC data model versions; the first entry of `@context`. */
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
