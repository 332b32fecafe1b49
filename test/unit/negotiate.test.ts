import { describe, expect, it } from 'vitest';
import { matchLocale, negotiateLocale, parseAcceptLanguage } from '../../core/i18n/negotiate.ts';

describe('locale negotiation', () => {
  it('orders Accept-Language by quality, keeping header order on ties', () => {
    expect(parseAcceptLanguage('en;q=0.5, ko-KR, vi;q=0.8, *;q=0.1')).toEqual(['ko-KR', 'vi', 'en']);
    expect(parseAcceptLanguage('fr;q=0, de')).toEqual(['de']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it('matches exact tags, then by language', () => {
    expect(matchLocale('zh-cn', ['en', 'zh-CN'])).toBe('zh-CN');
    expect(matchLocale('zh-TW', ['en', 'zh-CN'])).toBe('zh-CN');
    expect(matchLocale('ko-KR', ['en', 'ko'])).toBe('ko');
    expect(matchLocale('fr', ['en', 'ko'])).toBeUndefined();
  });

  it('prefers the explicit choice, then the browser, then the default, within what is available', () => {
    const available = ['vi', 'en'] as const;
    expect(
      negotiateLocale({ explicit: 'en', acceptLanguage: 'vi', available: [...available], fallback: 'vi' }),
    ).toBe('en');
    expect(
      negotiateLocale({ explicit: 'ko', acceptLanguage: 'en-US', available: [...available], fallback: 'vi' }),
    ).toBe('en');
    expect(negotiateLocale({ acceptLanguage: 'fr-FR, de', available: [...available], fallback: 'vi' })).toBe(
      'vi',
    );
  });
});
