/** Case, separators and look-alike letters do not matter when a person types a claim code back. */
export function normalizeClaimCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** A claim code as it is printed and handed out: five groups of four, joined by dashes. */
export function printedClaimCode(input: string): string {
  return (normalizeClaimCode(input).match(/.{1,4}/g) ?? []).join('-');
}
