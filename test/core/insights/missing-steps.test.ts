import { describe, expect, it } from 'vitest';
import { missingSteps } from '../../../src/core/insights/missing-steps';

const NAMES = ['view_item', 'add_to_cart', 'purchase'];

describe('missingSteps', () => {
  it('counts a step as present when any alternative or wildcard fits a name of the data', () => {
    expect(
      missingSteps(['view_item|view_item_list', 'add_*', '[add_to_wishlist]', 'purchase'], NAMES),
    ).toEqual([
      {
        step: '[add_to_wishlist]',
        // "addtowishlist" vs the names: add_to_cart is the closest, too far for "did you mean".
        note: 'no "add_to_wishlist" events in the data; names in the data: "add_to_cart", "purchase", "view_item"',
      },
    ]);
  });

  it('takes each step as one name, even with a comma in it, and suggests the near miss', () => {
    expect(missingSteps(['purchse'], NAMES)).toEqual([
      {
        step: 'purchse',
        note: 'no "purchse" events in the data (did you mean "purchase"?); other names in the data: "view_item", "add_to_cart"',
      },
    ]);
    expect(missingSteps(['view_item, purchase'], NAMES).map((m) => m.step)).toEqual(['view_item, purchase']);
  });
});
