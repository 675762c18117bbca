import { describe, expect, it } from 'vitest';
import { readAmount, readChoice, readFraction, readText } from '../../../src/core/framework/values';

describe('readFraction', () => {
  it.each([
    [0.25, 0.25],
    [0, 0],
    [1, 1],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['25%', 0.25],
    [' 12.5 % ', 0.125],
    ['100%', 1],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('%j -> %j', (input, expected) => {
    expect(readFraction(input)).toEqual({ value: expected });
  });

  it('refuses 25 rather than guessing 25%, and says how to write it', () => {
    expect(readFraction(25)).toEqual({
      value: null,
      problem: '25 is above 100% as a rate (2500%): for 25% write "25%" (0.25).',
    });
    expect(readFraction('25').problem).toBe(
      '"25" is above 100% as a rate (2500%): for 25% write "25%" (0.25).',
    );
    // A percent cell showing "150%" holds 1.5: the message shows it as the user sees it.
    expect(readFraction(1.5).problem).toBe(
      '1.5 is above 100% as a rate (150%): for 1.5% write "1.5%" (0.015).',
    );
    // 1.1 / 100 is 0.011000000000000001 in floating point: the fix shows 0.011.
    expect(readFraction(1.1).problem).toBe(
      '1.1 is above 100% as a rate (110%): for 1.1% write "1.1%" (0.011).',
    );
  });

  it('refuses text, values outside 0 to 1, and non-finite numbers', () => {
    const fix = 'write a fraction between 0 and 1 such as 0.25, or a percentage such as 25%.';
    expect(readFraction('abc').problem).toBe(`"abc" is not a rate: ${fix}`);
    expect(readFraction('2,5%').problem).toBe(`"2,5%" is not a rate: ${fix}`);
    expect(readFraction('150%').problem).toBe(`"150%" is outside 0% to 100%: ${fix}`);
    expect(readFraction(-0.1).problem).toBe(`-0.1 is outside 0% to 100%: ${fix}`);
    expect(readFraction(250).problem).toBe(`250 is outside 0% to 100%: ${fix}`);
    expect(readFraction(Number.NaN).problem).toBe(`NaN is not a rate: ${fix}`);
    expect(readFraction(new Date(0)).problem).toBe(`a date is not a rate: ${fix}`);
  });
});

describe('readAmount', () => {
  it.each([
    [120, 120],
    ['120', 120],
    ['$120.50', 120.5],
    ['€ 85', 85],
    ['85 £', 85],
    ['1,200.50', 1200.5],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(readAmount(input)).toEqual({ value: expected });
  });

  it('refuses negative amounts, decimal commas and words', () => {
    const fix = 'write a plain number such as 120 or 120.50 (a dot for decimals), or leave it blank.';
    expect(readAmount(-1).problem).toBe(`-1 is negative: ${fix}`);
    expect(readAmount('12,5').problem).toBe(`"12,5" is not a number: ${fix}`);
    expect(readAmount('about 100').problem).toBe(`"about 100" is not a number: ${fix}`);
  });
});

describe('readChoice', () => {
  const levels = ['High', 'Medium', 'Low'] as const;

  it('matches without regard to case and gives the default for blank', () => {
    expect(readChoice(' high ', levels, 'Medium')).toEqual({ value: 'High' });
    expect(readChoice('', levels, 'Medium')).toEqual({ value: 'Medium' });
  });

  it('lists the choices for anything else', () => {
    expect(readChoice('urgent', levels, 'Medium')).toEqual({
      value: 'Medium',
      problem: '"urgent" is not one of the choices: pick High, Medium, Low.',
    });
    expect(readChoice(3, levels, 'Medium').problem).toBe(
      '3 is not one of the choices: pick High, Medium, Low.',
    );
  });
});

describe('readText', () => {
  it('trims text and takes numbers as their text', () => {
    expect(readText('  Owner ')).toEqual({ value: 'Owner' });
    expect(readText(2024)).toEqual({ value: '2024' });
    expect(readText(null)).toEqual({ value: '' });
  });

  it('refuses objects', () => {
    expect(readText({ a: 1 })).toEqual({
      value: '',
      problem: 'an object is not text: type the words in plain text.',
    });
  });
});
