import { describe, expect, it } from 'vitest';
import { units } from '../../core/catalog/taxonomy.ts';
import { hasKey, translatorFor } from '../../core/i18n/translator.ts';
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
