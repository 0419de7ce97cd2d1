/**
 * Bounds on untrusted JSON. JSON.parse itself copes with deep nesting, but anything that walks the
 * value recursively afterwards (validators, JSON.stringify, schema checks) may not, so a value is
 * checked once, iteratively, before it is looked at.
 */

/** Deeper than any credential, presentation or DID document we expect. */
export const MAX_JSON_DEPTH = 48;
/** Objects, arrays and primitives together. */
export const MAX_JSON_NODES = 50_000;

export type JsonShapeProblem = { problem: 'too_deep' | 'too_many_nodes'; limit: number };

/** Undefined when the value is within the bounds; else which bound it exceeds. Never recurses. */
export function jsonShapeProblem(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
  maxNodes = MAX_JSON_NODES,
): JsonShapeProblem | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    nodes += 1;
    if (nodes > maxNodes) return { problem: 'too_many_nodes', limit: maxNodes };
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return { problem: 'too_deep', limit: maxDepth };
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return undefined;
}

export function describeShapeProblem(p: JsonShapeProblem): string {
  return p.problem === 'too_deep'
    ? `it is nested more than ${p.limit} levels deep`
    : `it has more than ${p.limit} JSON values`;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own property lookup that ignores the prototype chain (so "constructor" or "__proto__" never leak in). */
export function own(object: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

export const hasOwn = (object: Record<string, unknown>, name: string): boolean => Object.hasOwn(object, name);
