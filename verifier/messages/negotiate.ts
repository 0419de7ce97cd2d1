/**
 * The best language for an Accept-Language header (RFC 9110 quality values; `fr-CA` matches `fr`,
 * `zh-Hans-CN` matches `zh`) among the `available` primary tags; English when nothing matches.
 * Bounded work on hostile headers.
 */
export function negotiateLanguage(header: string | undefined, available: readonly string[]): string {
  if (!header) return 'en';
  const ranges = header
    .slice(0, 500)
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.find((p) => /^\s*q\s*=/i.test(p));
      // RFC 9110 qvalue: 0 to 1 with at most three decimals; a malformed one disqualifies the range.
      const q = qParam === undefined ? 1 : /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.test(qParam) ? Number(qParam.split('=')[1]) : 0;
      return { primary: tag.trim().toLowerCase().split('-')[0]!, q, order };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges.find((r) => available.includes(r.primary))?.primary ?? 'en';
}
