import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../../core/vc-contexts.ts';

/** `@context` spellings VC Data Model 2.0 refuses for an envelope (`undefined`: no member at all). */
export const REFUSED_ENVELOPE_CONTEXTS: [string, unknown][] = [
  ['missing', undefined],
  ['an empty list', []],
  ['null', null],
  ['a string that is not the VC 2.0 context', 'https://example.org/contexts/v1'],
  ['the VC 1.1 context as a string', VC_V1_CONTEXT],
  ['the VC 1.1 context first', [VC_V1_CONTEXT, VC_V2_CONTEXT]],
  ['the VC 2.0 context second', ['https://example.org/contexts/v1', VC_V2_CONTEXT]],
  ['an object first', [{ '@vocab': 'https://example.org/#' }, VC_V2_CONTEXT]],
];

/** `@context` spellings it accepts: the VC 2.0 context first. */
export const ACCEPTED_ENVELOPE_CONTEXTS: [string, unknown][] = [
  ['the VC 2.0 context alone in a list', [VC_V2_CONTEXT]],
  ['the VC 2.0 context as a string (the compacted form of the specification examples)', VC_V2_CONTEXT],
  ['the VC 2.0 context then another', [VC_V2_CONTEXT, 'https://example.org/contexts/v1']],
];
