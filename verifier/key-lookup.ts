import type { KeyLookup } from '../core/formats/index.ts';
import type { DidKeyResolver } from './did-key-resolver.ts';
import type { FetchBudget } from './did-methods/fetch-budget.ts';
import { DidKeyError } from './did-methods/types.ts';

/**
 * The key lookup a credential format's proof check asks: DID resolution through `resolver`, each
 * fetched DID document taken from the request's `budget`.
 */
export function keyLookup(resolver: DidKeyResolver, budget?: FetchBudget): KeyLookup {
  return async (did, kid, purpose) => {
    try {
      return { ok: true, key: await resolver.keyFor(did, kid, purpose, budget) };
    } catch (error) {
      if (!(error instanceof DidKeyError)) throw error;
      return { ok: false, reason: error.reason, detail: error.message };
    }
  };
}
