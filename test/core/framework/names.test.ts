import { describe, expect, it } from 'vitest';
import { isEventName, isSnakeCase, nameKey, suggestEventName } from '../../../src/core/framework/names';

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
