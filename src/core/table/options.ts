/**
 * Option words, as users write them in a function's last argument: comma-separated text
 * (or a range of cells), each a flag (`strict_order`, `by session`) or a `key=value` pair
 * (`breakdown=Device category`). Flags and keys are compared in lower case with spaces,
 * underscores and dashes alike, so `strict order`, `Strict_Order` and `strict-order` agree.
 * Each function says which words it knows; anything else is an error listing them.
 */
import { UserError } from '../errors';
import { asRows, cellText } from './cells';

export interface OptionSpec {
  /** Flags in their documented spelling, e.g. 'strict_order', 'by session'. */
  flags: readonly string[];
  /** Keys of key=value options, e.g. 'exclude', 'user'. */
  keys: readonly string[];
}

export interface ParsedOptions {
  /** The flags given, in their documented spelling. */
  flags: Set<string>;
  /** Each key given (documented spelling) with its values in order (a key may repeat). */
  values: Map<string, string[]>;
}

function wordKey(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** Parses an options argument against a function's spec. Throws a UserError on an unknown word. */
export function parseOptions(value: unknown, spec: OptionSpec): ParsedOptions {
  const flags = new Map(spec.flags.map((f) => [wordKey(f), f] as const));
  const keys = new Map(spec.keys.map((k) => [wordKey(k), k] as const));
  const result: ParsedOptions = { flags: new Set(), values: new Map() };
  const valid = [...spec.flags, ...spec.keys.map((k) => `${k}=...`)].join(', ');
  for (const row of asRows(value)) {
    for (const cell of row) {
      for (const part of cellText(cell).split(',')) {
        const word = part.trim();
        if (word === '') continue;
        const eq = word.indexOf('=');
        if (eq < 0) {
          const flag = flags.get(wordKey(word));
          if (flag === undefined) {
            const hint = keys.has(wordKey(word)) ? ` ("${word}" needs a value: ${word}=...)` : '';
            throw new UserError(`unknown option "${word}"${hint}. Valid options: ${valid}.`);
          }
          result.flags.add(flag);
          continue;
        }
        const key = keys.get(wordKey(word.slice(0, eq)));
        const optionValue = word.slice(eq + 1).trim();
        if (key === undefined) {
          throw new UserError(`unknown option "${word.slice(0, eq).trim()}=". Valid options: ${valid}.`);
        }
        if (optionValue === '') {
          throw new UserError(`option "${key}=" has no value: write ${key}= followed by a name.`);
        }
        const list = result.values.get(key) ?? [];
        list.push(optionValue);
        result.values.set(key, list);
      }
    }
  }
  return result;
}

/** The single value of a key option, or undefined. Throws a UserError when it was given twice. */
export function singleOption(options: ParsedOptions, key: string): string | undefined {
  const list = options.values.get(key);
  if (!list) return undefined;
  if (list.length > 1) {
    throw new UserError(`option ${key}= is given ${list.length} times (${list.join(', ')}); give it once.`);
  }
  return list[0];
}
