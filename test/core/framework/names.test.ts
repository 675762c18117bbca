import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eventNameAdvice,
  eventNameProblem,
  isEventName,
  isSnakeCase,
  nameKey,
  suggestEventName,
} from '../../../src/core/framework/names';

describe('suggestEventName', () => {
  it.each([
    ['Add to cart', 'add_to_cart'],
    ['  Download PDF (guide)  ', 'download_pdf_guide'],
    ['AddToCart', 'add_to_cart'],
    ['openPDFGuide', 'open_pdf_guide'],
    ['Café menu', 'cafe_menu'],
    ['3D viewer', 'event_3d_viewer'],
    ['!!!', ''],
  ])('%j -> %j', (text, expected) => {
    expect(suggestEventName(text)).toBe(expected);
  });

  it('keeps to 40 characters without a trailing underscore', () => {
    const name = suggestEventName('open the very long and detailed product comparison page today');
    expect(name).toBe('open_the_very_long_and_detailed_product');
    expect(name.length).toBeLessThanOrEqual(40);
  });
});

describe('eventNameProblem: GA4 rules, one place for Check and the sidebar', () => {
  it.each([
    ['add_to_cart', undefined],
    ['', undefined],
    ['Add to cart', 'has a space (only letters, digits and underscores are allowed)'],
    ['2nd_step', 'starts with "2" (an event name starts with a letter)'],
    ['_private', 'starts with "_" (an event name starts with a letter)'],
    ['add-to-cart!', 'has "-", "!" (only letters, digits and underscores are allowed)'],
    ['google_click', 'starts with "google_" (a prefix GA4 reserves for its own events)'],
    ['firebase_open', 'starts with "firebase_" (a prefix GA4 reserves for its own events)'],
    ['ga_session', 'starts with "ga_" (a prefix GA4 reserves for its own events)'],
    // 41 characters: one more than GA4 keeps.
    [`a${'b'.repeat(40)}`, 'is 41 characters long (at most 40 are allowed)'],
    // Several problems at once are all named, so one fix settles them.
    [
      '1 step',
      'starts with "1" (an event name starts with a letter); it has a space (only letters, digits and underscores are allowed)',
    ],
  ])('%j', (text, problem) => {
    expect(eventNameProblem(text)).toBe(problem);
    expect(isEventName(text)).toBe(text !== '' && problem === undefined);
  });

  it('accepts a name of exactly 40 characters and names that merely contain a reserved word', () => {
    expect(isEventName(`a${'b'.repeat(39)}`)).toBe(true);
    expect(isEventName('my_google_click')).toBe(true);
    expect(isEventName('gallery_view')).toBe(true);
  });

  it('advises a recordable name, never one with a reserved prefix', () => {
    expect(eventNameAdvice('google_click')).toBe(
      'GA4 cannot record the event name "google_click": it starts with "google_" (a prefix GA4 reserves for its own events): use a name such as "click".',
    );
    expect(eventNameAdvice('Add to cart')).toBe(
      'GA4 cannot record the event name "Add to cart": it has a space (only letters, digits and underscores are allowed): use a name such as "add_to_cart".',
    );
    expect(eventNameAdvice('view_item')).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const suggestion = suggestEventName(text);
        if (suggestion !== '') expect(isEventName(suggestion)).toBe(true);
      }),
    );
  });
});

describe('event name rules', () => {
  it('accepts what GA4 accepts', () => {
    expect(isEventName('add_to_cart')).toBe(true);
    expect(isEventName('AddToCart2')).toBe(true);
    expect(isEventName('add to cart')).toBe(false);
    expect(isEventName('2nd_step')).toBe(false);
    expect(isEventName('add-to-cart')).toBe(false);
    expect(isEventName('')).toBe(false);
  });

  it('tells snake_case from other valid names', () => {
    expect(isSnakeCase('add_to_cart')).toBe(true);
    expect(isSnakeCase('AddToCart')).toBe(false);
  });

  it('compares names without case and extra spaces', () => {
    expect(nameKey('  Add   to Cart ')).toBe('add to cart');
  });
});
