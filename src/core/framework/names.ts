/**
 * How names and event names are compared and judged, in one place: the check, the
 * funnel steps and the table reader all use these.
 */

/** GA4 drops events whose name is longer than this. */
export const MAX_EVENT_NAME_LENGTH = 40;

/** Prefixes GA4 (and Firebase) keep for their own events: an event so named is not recorded. */
export const RESERVED_EVENT_PREFIXES: readonly string[] = ['firebase_', 'google_', 'ga_'];

/** The key two names are compared by: "Add to cart " and "add to cart" are the same row name. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A character as a message shows it: a space is named, anything else quoted. */
const showCharacter = (character: string): string => (character === ' ' ? 'a space' : `"${character}"`);

/**
 * GA4's rules for an event name, in one place for Check and for the sidebar's fields: what is
 * wrong with `text`, as clauses that follow "it", or undefined when GA4 can record it.
 * Blank is not judged here (an event name may be left for later; Check says it is missing).
 */
export function eventNameProblem(text: string): string | undefined {
  if (text === '') return undefined;
  const reasons: string[] = [];
  if (!/^[A-Za-z]/.test(text)) {
    reasons.push(`starts with ${showCharacter(text.charAt(0))} (an event name starts with a letter)`);
  }
  const others = [...new Set(text.replace(/[A-Za-z0-9_]/g, ''))];
  if (others.length > 0) {
    const shown = others.slice(0, 3).map(showCharacter).join(', ');
    reasons.push(
      `has ${shown}${others.length > 3 ? ' and more' : ''} (only letters, digits and underscores are allowed)`,
    );
  }
  if (text.length > MAX_EVENT_NAME_LENGTH) {
    reasons.push(`is ${text.length} characters long (at most ${MAX_EVENT_NAME_LENGTH} are allowed)`);
  }
  const prefix = RESERVED_EVENT_PREFIXES.find((reserved) => text.startsWith(reserved));
  if (prefix) reasons.push(`starts with "${prefix}" (a prefix GA4 reserves for its own events)`);
  return reasons.length > 0 ? reasons.join('; it ') : undefined;
}

/**
 * The message for an event name GA4 cannot record, with a fix made from the name (or from
 * `from`, e.g. the action's name); undefined when the name is fine or blank.
 */
export function eventNameAdvice(text: string, from: string = text): string | undefined {
  const problem = eventNameProblem(text);
  if (problem === undefined) return undefined;
  const suggestion = suggestEventName(text) || suggestEventName(from);
  const fix =
    suggestion !== '' ? `: use a name such as "${suggestion}"` : ': use letters, digits and underscores';
  return `GA4 cannot record the event name "${text}": it ${problem}${fix}.`;
}

/** True when GA4 would accept the text as an event name. */
export function isEventName(text: string): boolean {
  return text !== '' && eventNameProblem(text) === undefined;
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
  const prefix = RESERVED_EVENT_PREFIXES.find((reserved) => name.startsWith(reserved));
  if (prefix) name = name.slice(prefix.length);
  if (/^[0-9]/.test(name)) name = `event_${name}`;
  return name.slice(0, MAX_EVENT_NAME_LENGTH).replace(/_+$/, '');
}
