/** Apps Script enums as plain objects whose values are their names (`ChartType.BAR === 'BAR'`). */
export function enumOf<const K extends string>(...keys: K[]): { readonly [P in K]: P } {
  return Object.freeze(Object.fromEntries(keys.map((k) => [k, k]))) as { readonly [P in K]: P };
}
