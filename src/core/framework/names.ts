/**
 * How names and event names are compared and judged, in one place: the check, the
 * funnel steps and the table reader all use these.
 */

/** GA4's rule for an event name: a letter first, then letters, digits or underscores. */
const EVENT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** GA4 drops events whose name is longer than this. */
export const MAX_EVENT_NAME_LENGTH = 40;

/** The key two names are compared by: "Add to cart " and "add to cart" are the same row name. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** True when GA4 would accept the text as an event name. */
export function isEventName(text: string): boolean {
  return EVENT_NAME.test(text) && text.length <= MAX_EVENT_NAME_LENGTH;
}

/** True for the lower-case snake_case GA4 recommends (`add_to_cart`). */
export function isSnakeCase(text: string): boolean {
  return /^[a-z][a-z0-9_]*$/.test(text);
}

/**
 * A snake_case event name made from any text, offered in messages as the fix:
 * "Add to cart" -> "add_to_cart", "Download PDF (guide)" -> "download_pdf_guide".
 * Returns '' when the text has no letter or digit.
 */
export function suggestEventName(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let name = words.join('_');
  if (/^[0-9]/.test(name)) name = `event_${name}`;
  return name.slice(0, MAX_EVENT_NAME_LENGTH).replace(/_+$/, '');
}
