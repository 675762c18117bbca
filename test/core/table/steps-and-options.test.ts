import { describe, expect, it } from 'vitest';
import { parseOptions, parseSteps, singleOption } from '../../../src/core/table';

describe('parseSteps', () => {
  it('reads one comma-separated text', () => {
    expect(parseSteps(' view_item , add_to_cart,purchase ')).toEqual([
      { label: 'view_item', names: ['view_item'] },
      { label: 'add_to_cart', names: ['add_to_cart'] },
      { label: 'purchase', names: ['purchase'] },
    ]);
  });

  it('reads a row or a column of cells, skipping blanks', () => {
    const expected = [
      { label: 'a', names: ['a'] },
      { label: 'b', names: ['b'] },
    ];
    expect(parseSteps([['a', '', 'b']])).toEqual(expected);
    expect(parseSteps([['a'], [''], ['b\r']])).toEqual(expected);
  });

  it('reads alternatives with |', () => {
    expect(parseSteps('view_item | view_item_list, purchase')).toEqual([
      { label: 'view_item | view_item_list', names: ['view_item', 'view_item_list'] },
      { label: 'purchase', names: ['purchase'] },
    ]);
  });

  it('says how to give steps when there are none', () => {
    for (const value of ['', ' , ', [['', '']], undefined]) {
      expect(() => parseSteps(value)).toThrow(/^steps are missing\. Give the step event names in order/);
    }
  });
});

describe('parseOptions', () => {
  const spec = { flags: ['strict_order', 'by session', 'time'], keys: ['exclude', 'time'] };

  it('reads flags in any spelling and repeated keys', () => {
    const parsed = parseOptions('Strict Order, by_session, exclude=refund, exclude = cancel, time', spec);
    expect([...parsed.flags]).toEqual(['strict_order', 'by session', 'time']);
    expect(parsed.values.get('exclude')).toEqual(['refund', 'cancel']);
  });

  it('reads a range of option cells', () => {
    expect([...parseOptions([['strict-order'], ['time']], spec).flags]).toEqual(['strict_order', 'time']);
  });

  it('names an unknown word and lists the valid ones', () => {
    expect(() => parseOptions('strict_ordr', spec)).toThrow(
      'unknown option "strict_ordr". Valid options: strict_order, by session, time, exclude=..., time=....',
    );
    expect(() => parseOptions('color=red', spec)).toThrow('unknown option "color=". Valid options:');
  });

  it('says when a key has no value or a single key repeats', () => {
    expect(() => parseOptions('exclude=', spec)).toThrow('option "exclude=" has no value');
    expect(() => parseOptions('exclude', spec)).toThrow('("exclude" needs a value: exclude=...)');
    const parsed = parseOptions('time=a, time=b', spec);
    expect(() => singleOption(parsed, 'time')).toThrow('option time= is given 2 times (a, b); give it once.');
  });
});
