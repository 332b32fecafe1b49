import { describe, expect, it } from 'vitest';
import { DEMO_CATALOG, demoOfferCount } from '../../local/seed/catalog.ts';

describe('DEMO_OFFERS (how many offers npm start seeds)', () => {
  it('defaults to the demo catalog when unset or empty', () => {
    expect(demoOfferCount(undefined)).toBe(DEMO_CATALOG.offers);
    expect(demoOfferCount('')).toBe(DEMO_CATALOG.offers);
  });

  it('takes a whole number from 1', () => {
    expect(demoOfferCount('300')).toBe(300);
    expect(demoOfferCount('1')).toBe(1);
  });

  it.each(['0', '-5', '1.5', 'many'])('refuses %s, naming the variable', (value) => {
    expect(() => demoOfferCount(value)).toThrow(`DEMO_OFFERS must be a whole number from 1, not "${value}"`);
  });
});
