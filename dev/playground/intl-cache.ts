/**
 * Makes `new Intl.DateTimeFormat(locale, options)` reuse one formatter per (locale, options) in
 * the playground's process. The fake builds a formatter for every date it parses or shows (about
 * 1 ms each), which made importing a 2,000-row export take seconds. Formatters are immutable, so
 * sharing them changes no result. Remove once dev/fake caches its own formatter.
 */
const Original = Intl.DateTimeFormat;
const cache = new Map<string, Intl.DateTimeFormat>();

function CachedDateTimeFormat(
  locales?: string | string[],
  options?: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = JSON.stringify([locales ?? null, options ?? null]);
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Original(locales, options);
    cache.set(key, formatter);
  }
  return formatter;
}
CachedDateTimeFormat.prototype = Original.prototype;
CachedDateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf;

let installed = false;

export function installIntlCache(): void {
  if (installed) return;
  installed = true;
  Intl.DateTimeFormat = CachedDateTimeFormat as unknown as typeof Intl.DateTimeFormat;
}
