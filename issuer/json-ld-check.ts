import { HttpProblem } from '../core/http-problem.ts';
import { jsonLdProblem } from '../core/jsonld/expand.ts';

/**
 * Refuses (422) a VC 2.0 credential whose JSON-LD is invalid: a protected term redefined, a type
 * its contexts leave unmapped or map to a non-URL, a context not bundled here (nothing is fetched,
 * so what it would mean is unknown). A JSON-LD reader of the credential would refuse it, so it is
 * not signed (VC Data Model 2.0 §4.3). An embedded `proof` is left out, as Data Integrity leaves
 * it out of what it checks: its terms are its cryptosuite's, for whoever checks that proof.
 */
export async function refuseUnlessValidJsonLd(credential: Record<string, unknown>): Promise<void> {
  const { proof: _proof, ...document } = credential;
  const problem = await jsonLdProblem(document);
  if (problem === undefined) return;
  if (problem.reason === 'context_unknown')
    throw new HttpProblem(
      422,
      'Invalid credential',
      `The credential's "@context" names ${problem.url}, a context this issuer does not hold; it never fetches one, so it cannot tell what the credential means.`,
      { errors: [`/@context ${problem.url} is not a context this issuer holds`] },
    );
  throw new HttpProblem(422, 'Invalid credential', `The credential is not valid JSON-LD: ${problem.detail}.`, {
    errors: [`/@context ${problem.detail}`],
  });
}
