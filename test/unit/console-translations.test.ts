import '../../core/partners/i18n.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleLocales } from '../../console/context.ts';
import { translationsPage } from '../../console/pages/translations.ts';
import {
  applyEdits,
  changedPaths,
  type OverridePorts,
  offerOverrides,
  offerWording,
  sourcesFor,
} from '../../core/catalog/overrides.ts';
import { sourceDigest } from '../../core/catalog/translation.ts';
import { DomainError } from '../../core/errors.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { projectRoot } from '../../local/paths.ts';
import { consoleTranslationsResources } from '../../locales/console-translations.ts';
import { testOffer } from '../kit/offers.ts';

/** The wording rules of core/catalog/overrides.ts, without I/O, and the page they render. */

const fresh = (zh: string, vi: string, en: string) => ({
  source: zh,
  translations: {
    vi: { text: vi, sourceDigest: sourceDigest(zh) },
    en: { text: en, sourceDigest: sourceDigest(zh) },
  },
});

/** Title translated from the current source; the material translated from an older one. */
const offer = testOffer({
  title: fresh('304不锈钢汤锅', 'Nồi inox 304', '304 steel pot'),
  attributes: [
    {
      key: 'material',
      value: {
        source: '304不锈钢（加厚）',
        translations: { vi: { text: 'Inox 304', sourceDigest: sourceDigest('304不锈钢') } },
      },
    },
  ],
});

describe('the side-by-side view of an offer', () => {
  it('shows source, translations and wording per locale, flagging stale and missing translations', () => {
    const view = offerWording(offer, undefined, ['vi', 'en']);
    expect(view.rows.map((r) => r.field)).toEqual(['title', 'attributes.material']);
    expect(view.rows[0]).toMatchObject({
      source: '304不锈钢汤锅',
      cells: [
        { locale: 'vi', translation: 'Nồi inox 304', translationStale: false, wordingStale: false },
        { locale: 'en', translation: '304 steel pot', translationStale: false },
      ],
    });
    const material = view.rows[1]!;
    expect(material.attribute).toBe('material');
    expect(material.cells[0]).toMatchObject({
      locale: 'vi',
      translation: 'Inox 304',
      translationStale: true,
    });
    expect(material.cells[1]).toMatchObject({ locale: 'en', translationStale: true });
    expect(material.cells[1]!.translation).toBeUndefined();
    expect(view.stale).toBe(true);
  });

  it('an offer whose every translation is current and has no wording is not stale', () => {
    const clean = testOffer({ title: fresh('汤锅', 'Nồi', 'Pot') });
    expect(offerWording(clean, undefined, ['vi', 'en']).stale).toBe(false);
  });

  it("zh-CN on a site shows the source as its text; the partner's wording is flagged once the source changed after it", () => {
    const record = {
      override: { fields: { title: { vi: 'Nồi inox cao cấp', 'zh-CN': '优质汤锅' } } },
      sources: { title: sourceDigest('旧的标题') },
    };
    const view = offerWording(offer, record, ['zh-CN', 'vi']);
    expect(view.rows[0]!.cells[0]).toMatchObject({
      locale: 'zh-CN',
      translation: '304不锈钢汤锅',
      wording: '优质汤锅',
      wordingStale: true,
    });
    expect(view.rows[0]!.cells[1]).toMatchObject({ wording: 'Nồi inox cao cấp', wordingStale: true });
    const current = { ...record, sources: { title: sourceDigest('304不锈钢汤锅') } };
    expect(offerWording(offer, current, ['vi']).rows[0]!.cells[0]!.wordingStale).toBe(false);
    // A record from before sources were kept is not called stale (nothing is known).
    expect(offerWording(offer, { override: record.override }, ['vi']).rows[0]!.cells[0]!.wordingStale).toBe(
      false,
    );
  });
});

describe('editing the wording', () => {
  const before = { fields: { title: { vi: 'Nồi A', ko: '냄비 A' }, 'attributes.material': { vi: 'Inox' } } };

  it('sets, replaces and (with an empty or blank text) removes one locale, keeping the others', () => {
    const after = applyEdits(before, [
      { field: 'title', locale: 'vi', text: '  Nồi B ' },
      { field: 'attributes.material', locale: 'vi', text: '   ' },
      { field: 'title', locale: 'en', text: '' },
    ]);
    expect(after).toEqual({ fields: { title: { vi: 'Nồi B', ko: '냄비 A' } } });
    expect(before.fields['attributes.material']).toEqual({ vi: 'Inox' });
    expect(changedPaths(before, after)).toEqual(['attributes.material.vi', 'title.vi']);
    expect(applyEdits(undefined, [{ field: 'title', locale: 'vi', text: '' }])).toEqual({ fields: {} });
  });

  it('nothing changed is no change', () => {
    expect(
      changedPaths(before, applyEdits(before, [{ field: 'title', locale: 'vi', text: 'Nồi A' }])),
    ).toEqual([]);
  });

  it('a changed field is recorded against the source as it is now; an untouched field keeps its record', () => {
    const after = applyEdits(before, [{ field: 'title', locale: 'vi', text: 'Nồi B' }]);
    const sources = sourcesFor(
      offer,
      after,
      { override: before, sources: { title: 'old', 'attributes.material': 'older' } },
      changedPaths(before, after),
    );
    expect(sources).toEqual({ title: sourceDigest('304不锈钢汤锅'), 'attributes.material': 'older' });
  });
});

describe('the rules refuse before anything is read or written', () => {
  const untouched: OverridePorts = {
    offers: {
      get: () => Promise.reject(new Error('must not be read')),
      overrideRecordsFor: () => Promise.reject(new Error('must not be read')),
      saveOverride: () => Promise.reject(new Error('must not be written')),
    },
  };
  const rules = offerOverrides(untouched);
  const krKey = { kind: 'tenant', tenantId: 'kr', keyId: '0123456789abcdef' } as const;
  const vnStaff = { kind: 'user', email: 'staff@vn.test', role: 'staff', tenantId: 'vn' } as const;

  it("another tenant's key or user is FORBIDDEN on vn's wording", async () => {
    await expect(rules.edit(krKey, 'vn', offer.offerId, [])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(rules.replace(vnStaff, 'kr', offer.offerId, { fields: {} })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('over-long wording is VALIDATION_FAILED with the path of the field and locale', async () => {
    const error = await rules
      .replace(vnStaff, 'vn', offer.offerId, { fields: { title: { vi: 'x'.repeat(501) } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fields).toEqual([
      { path: 'body.fields.title.vi', rule: 'too_long', params: { maximum: 500 } },
    ]);
  });
});

describe('the translations page', () => {
  const ctx = (locale: (typeof consoleLocales)[number]) => ({
    locale,
    t: translatorFor(locale),
    nonce: 'n',
    path: '/tenants/vn/translations',
    csrf: 'token-1',
  });
  const hostile = testOffer({
    offerId: 'hostile-1',
    title: fresh('<script>alert(1)</script>', '<img src=x onerror=alert(2)>', 'ok'),
  });

  it('escapes supplier text, marks the source zh-CN and each translation with its language, labels every input', () => {
    const view = translationsPage(
      ctx('en'),
      'vn',
      { q: '"><b>', staleOnly: true },
      {
        offers: [
          offerWording(hostile, { override: { fields: { title: { vi: '</td><script>' } } } }, ['vi', 'en']),
        ],
      },
    );
    const page = view.main.value;
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('"><b>');
    expect(page).toContain('<span lang="zh-CN">&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    expect(page).toContain('<span lang="vi">&lt;img src=x onerror=alert(2)&gt;</span>');
    expect(page).toContain('value="&lt;/td&gt;&lt;script&gt;"');
    expect(page).toContain('name="stale" value="1" checked');
    const inputs = [...page.matchAll(/<input id="([^"]+)"/g)].map((m) => m[1]!);
    expect(inputs.length).toBeGreaterThan(2);
    for (const id of inputs) expect(page, id).toMatch(new RegExp(`<label[^>]* for="${id}">`));
    expect(page).toContain('Your wording: Title, ');
    expect(page).toContain('<input type="hidden" name="csrf" value="token-1">');
  });

  it('is in each console language', () => {
    for (const locale of consoleLocales) {
      const page = translationsPage(ctx(locale), 'vn', { q: '', staleOnly: false }, { offers: [] }).main
        .value;
      expect(page, locale).toContain(consoleTranslationsResources[locale].heading);
      expect(page, locale).toContain(consoleTranslationsResources[locale].noOffers);
    }
  });
});

describe('console-translations strings', () => {
  it('has the same keys in en, vi, ko and zh-CN, and every key the code names exists', () => {
    const reference = Object.keys(consoleTranslationsResources.en).sort();
    for (const locale of consoleLocales)
      expect(Object.keys(consoleTranslationsResources[locale]).sort(), locale).toEqual(reference);
    const used = new Set<string>();
    for (const file of [
      'console/pages/translations.ts',
      'console/nav.ts',
      'functions/handlers/console-translations.ts',
      'functions/handlers/console-translations-save.ts',
    ])
      for (const m of readFileSync(join(projectRoot, file), 'utf8').matchAll(
        /'console-translations:([A-Za-z]+)'/g,
      ))
        used.add(m[1]!);
    expect(used.size).toBeGreaterThan(15);
    for (const key of used) expect(reference, key).toContain(key);
  });
});
