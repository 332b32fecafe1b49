import { describe, expect, it } from 'vitest';
import { units } from '../../core/catalog/taxonomy.ts';
import { addNamespace, hasKey, translatorFor } from '../../core/i18n/translator.ts';
import { laneKinds, paymentMethods } from '../../core/tenants/tenant.ts';
import { supportedLocales } from '../../locales/index.ts';

describe('localized vocabularies', () => {
  it('names every catalog unit, lane kind and payment method in every locale', () => {
    for (const locale of supportedLocales) {
      const t = translatorFor(locale);
      for (const unit of units) {
        const text = t(`units:${unit}`, { count: 3 });
        expect(text, `${locale} units:${unit}`).toContain('3');
        expect(hasKey(`units:${unit}_other`, locale), `${locale} units:${unit}_other`).toBe(true);
      }
      for (const kind of laneKinds)
        expect(hasKey(`tenant:lanes.${kind}`, locale), `${locale} ${kind}`).toBe(true);
      for (const method of paymentMethods) {
        expect(hasKey(`tenant:payment.${method}`, locale), `${locale} ${method}`).toBe(true);
      }
    }
  });

  it('uses each language’s plural rules', () => {
    expect(translatorFor('en')('units:piece', { count: 1 })).toBe('1 piece');
    expect(translatorFor('en')('units:piece', { count: 500 })).toBe('500 pieces');
    expect(translatorFor('vi')('units:piece', { count: 1 })).toBe('1 cái');
    expect(translatorFor('ko')('units:pair', { count: 12 })).toBe('12켤레');
    expect(translatorFor('zh-CN')('units:set', { count: 2 })).toBe('2套');
  });

  it('formats numbers and dates inside messages with Intl for the locale', () => {
    const asOf = new Date('2026-11-20T09:30:12Z');
    expect(translatorFor('vi')('units:weight', { value: 1234.5 })).toBe('1.234,5 kg');
    expect(translatorFor('en')('units:weight', { value: 1234.5 })).toBe('1,234.5 kg');
    const fx = translatorFor('ko')('pricing:fx', { rate: '206.45', currency: 'KRW', source: 'ecb', asOf });
    expect(fx).toContain('2026. 11. 20.');
    expect(translatorFor('en')('status:order.handed_off')).toBe('Sent to suppliers');
    expect(translatorFor('vi')('status:shipment.customs_clearance')).toBe('Đang thông quan');
  });
});

describe('kept lookups (each locale’s translator remembers what it said)', () => {
  it('says each value’s own message: every SKU its own stock, every instant its own time', () => {
    const t = translatorFor('en');
    expect(t('storefront:inStock', { qty: 5 })).toBe('5 in stock');
    expect(t('storefront:inStock', { qty: 6 })).toBe('6 in stock');
    expect(t('storefront:inStock', { qty: 5 })).toBe('5 in stock');
    expect(t('storefront:inStock', { qty: '5' })).toBe('5 in stock');
    expect(t('units:piece', { count: 1 })).toBe('1 piece');
    expect(t('units:piece', { count: 2 })).toBe('2 pieces');
    const note = (fxAsOf: Date) =>
      t('quotes:landed.note', { basis: 'CIF', asOf: '2026-11-01', fxAsOf }) as string;
    expect(note(new Date('2026-11-20T09:30:00Z'))).toContain('9:30');
    expect(note(new Date('2026-11-20T10:45:00Z'))).toContain('10:45');
    // Text that looks like another lookup's values is still only text.
    const a = t('storefront:moq', { qty: 2, unit: 'x\u0000qty\u0002n3' });
    const b = t('storefront:moq', { qty: 2, unit: 'x' });
    expect(a).not.toBe(b);
    expect(t('storefront:moq', { qty: 2, unit: 'x' })).toBe(b);
  });

  it('each language keeps its own messages', () => {
    expect(translatorFor('en')('storefront:home')).toBe('Home');
    expect(translatorFor('vi')('storefront:home')).toBe('Trang chủ');
    expect(translatorFor('en')('storefront:home')).toBe('Home');
  });

  it('a namespace added later is translated, though its key was asked for before it came', () => {
    const t = translatorFor('en');
    expect(t('later-ns:greeting')).toBe('greeting');
    const bundle = { greeting: 'Hello {{name}}' };
    addNamespace('later-ns', { en: bundle, vi: bundle, ko: bundle, 'zh-CN': bundle });
    expect(t('later-ns:greeting', { name: 'Lan' })).toBe('Hello Lan');
    expect(t('later-ns:greeting')).toBe('Hello {{name}}');
  });

  it('objects asked for come back whole, not as a kept string', () => {
    const t = translatorFor('en');
    const landed = t('quotes:landed', { returnObjects: true }) as unknown as Record<string, string>;
    expect(landed.goods).toBe('Goods');
  });
});
