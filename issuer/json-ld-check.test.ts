/**
 * The issuer expands a VC 2.0 credential as JSON-LD (safe mode, bundled contexts only) before
 * signing it: what a JSON-LD reader would refuse is refused with 422 in plain words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../core/http-problem.ts';
import { conformancePath } from '../test/support/conformance.ts';
import { refuseUnlessValidJsonLd } from './json-ld-check.ts';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const EXAMPLES = 'https://www.w3.org/ns/credentials/examples/v2';
const credential = (extra: Record<string, unknown>) => ({
  '@context': [V2, EXAMPLES],
  type: ['VerifiableCredential', 'ExampleSkillCredential'],
  issuer: 'did:example:college',
  credentialSubject: { id: 'did:example:learner', skill: 'Welding' },
  ...extra,
});

async function refusal(input: Record<string, unknown>): Promise<HttpProblem> {
  const error = await refuseUnlessValidJsonLd(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpProblem);
  expect((error as HttpProblem).status).toBe(422);
  return error as HttpProblem;
}

describe('JSON-LD at issue', () => {
  it('a credential whose terms its contexts define passes, and so does an Open Badge sent as 1EdTech publishes it', async () => {
    await refuseUnlessValidJsonLd(credential({}));
    const { proof: _, ...badge } = JSON.parse(readFileSync(conformancePath('openbadges', 'complete.json'), 'utf8'));
    await refuseUnlessValidJsonLd(badge);
  });

  it('an embedded proof is not expanded: its terms are its cryptosuite’s', async () => {
    await refuseUnlessValidJsonLd(credential({ proof: { type: 'SomeProof', undefinedTerm: 'x' } }));
  });

  it('a term no context defines is refused, named, rather than silently dropped', async () => {
    const problem = await refusal(
      credential({ '@context': [V2], credentialSubject: { id: 'did:example:l', skill: 'W' } }),
    );
    expect(problem.detail).toBe(
      'The credential is not valid JSON-LD: the property "skill" is not defined by its "@context".',
    );
  });

  it('a protected term redefined, a type mapped to a non-URL or left unmapped', async () => {
    expect(
      (await refusal(credential({ '@context': [V2, { VerifiableCredential: 'https://example.org/#Bad' }] }))).detail,
    ).toContain('redefines "VerifiableCredential", a term an earlier context protects');
    expect((await refusal(credential({ '@context': [V2, { ExampleSkillCredential: 'not a url' }] }))).detail).toContain(
      'maps "ExampleSkillCredential" to "not a url", which is not a URL',
    );
    expect(
      (
        await refusal(
          credential({ '@context': [V2, EXAMPLES, { '@vocab': null }], credentialSubject: { id: 'did:example:l' } }),
        )
      ).detail,
    ).toContain('the type "ExampleSkillCredential" is not defined by its "@context"');
  });

  it('a context that is not bundled is refused naming its URL: nothing is fetched', async () => {
    const problem = await refusal(credential({ '@context': [V2, 'https://example.org/contexts/skills/v1'] }));
    expect(problem.detail).toContain(
      'names https://example.org/contexts/skills/v1, a context this issuer does not hold',
    );
    expect(problem.extra.errors).toEqual([
      '/@context https://example.org/contexts/skills/v1 is not a context this issuer holds',
    ]);
  });
});
