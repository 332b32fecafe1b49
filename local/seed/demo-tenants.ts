import type { TenantInput } from '../../core/tenants/tenant.ts';
import { koreaLandedCost, vietnamLandedCost } from './landed-cost-tables.ts';

/**
 * How old a rate the demo sites still price from: a year. Locally the rates come from the
 * saved ECB and Vietcombank documents in local/fx/, which keep their own date (2026-11-20) and
 * age from there; a real tenant's limit is days (the default is 96 h). Refresh the saved copies
 * (see the README) before they pass this age, or the demo answers 503 FX_RATE_STALE.
 */
export const DEMO_MAX_RATE_AGE_HOURS = 24 * 366;

/**
 * The demo partner sites of the local platform, reachable as <id>.localhost. Three markets,
 * three currencies with different ISO 4217 exponents (VND 0, KRW 0, MYR 2) and three default
 * languages, so nothing can quietly assume one market.
 */
export const demoTenants: TenantInput[] = [
  {
    id: 'vn',
    name: 'Nguồn Hàng Trung Quốc',
    domains: ['vn.localhost', 'nguonhang.example.vn'],
    defaultLocale: 'vi',
    locales: ['vi', 'en'],
    currency: 'VND',
    country: 'VN',
    brand: {
      colours: { primary: '#c8102e', accent: '#ffcd00', background: '#fffdf7', text: '#1d1d1b' },
      font: "'Be Vietnam Pro', system-ui, sans-serif",
    },
    // 15 % over the Vietcombank rate, rounded up to the next 1,000 đồng.
    pricing: {
      markupBps: 1500,
      rounding: { increment: 1000, mode: 'up' },
      maxRateAgeHours: DEMO_MAX_RATE_AGE_HOURS,
    },
    shippingLanes: [
      {
        id: 'air-express',
        kind: 'air_express',
        transitDays: { min: 3, max: 5 },
        baseFen: 2000,
        per100gFen: 350,
        volumetricDivisor: 6000,
      },
      {
        id: 'road-consolidated',
        kind: 'road',
        transitDays: { min: 7, max: 12 },
        baseFen: 1000,
        per100gFen: 90,
        volumetricDivisor: 5000,
        minChargeableGrams: 1000,
      },
    ],
    paymentMethods: ['bank_transfer', 'cash_on_delivery'],
    payments: {
      // Vietcombank's NAPAS BIN; a demo account.
      bankAccount: {
        bankName: 'Vietcombank',
        bankBin: '970436',
        accountNumber: '0071000123456',
        accountName: 'CONG TY TNHH NGUON HANG VIET',
      },
      deadlineHours: 48,
    },
    timeZone: 'Asia/Ho_Chi_Minh',
    contact: { email: 'hotro@nguonhang.example.vn', phone: '+84 28 3822 0000' },
    legal: {
      companyName: 'Công ty TNHH Nguồn Hàng (demo)',
      terms: {
        vi: 'Giá đã gồm phí dịch vụ; thuế nhập khẩu và VAT được ước tính riêng.',
        en: 'Prices include our service fee; import duty and VAT are estimated separately.',
      },
    },
    landedCost: vietnamLandedCost,
  },
  {
    id: 'kr',
    name: '중국도매 소싱',
    domains: ['kr.localhost', 'sourcing.example.kr'],
    defaultLocale: 'ko',
    locales: ['ko', 'en'],
    currency: 'KRW',
    country: 'KR',
    brand: {
      colours: { primary: '#0047a0', accent: '#cd2e3a', background: '#ffffff', text: '#111111' },
      font: "'Pretendard', 'Noto Sans KR', system-ui, sans-serif",
    },
    // 12 % over the ECB cross rate, rounded up to the next 10 won. (Deployed with live rates, 120 h
    // would do: the longest ECB gap, Christmas Eve's rates until the Monday after, is ~110 h.)
    pricing: {
      markupBps: 1200,
      rounding: { increment: 10, mode: 'up' },
      maxRateAgeHours: DEMO_MAX_RATE_AGE_HOURS,
    },
    shippingLanes: [
      {
        id: 'air-express',
        kind: 'air_express',
        transitDays: { min: 2, max: 4 },
        baseFen: 2500,
        per100gFen: 400,
        volumetricDivisor: 6000,
      },
      {
        id: 'sea-consolidated',
        kind: 'sea_consolidated',
        transitDays: { min: 5, max: 9 },
        baseFen: 3000,
        per100gFen: 60,
        volumetricDivisor: 6000,
        minChargeableGrams: 1000,
      },
    ],
    paymentMethods: ['virtual_account', 'pay_later'],
    payments: { virtualAccount: { provider: 'toss', bankCode: '88' }, deadlineHours: 72 },
    timeZone: 'Asia/Seoul',
    contact: { email: 'help@sourcing.example.kr', phone: '+82 2 1234 5678' },
    legal: {
      companyName: '주식회사 중국도매소싱 (demo)',
      terms: {
        ko: '표시 가격에는 서비스 수수료가 포함되며, 관세와 부가가치세는 별도로 추정됩니다.',
        en: 'Prices include our service fee; customs duty and VAT are estimated separately.',
      },
    },
    landedCost: koreaLandedCost,
  },
  {
    id: 'my',
    name: '马来西亚批发源头',
    domains: ['my.localhost', 'pifa.example.my'],
    defaultLocale: 'zh-CN',
    locales: ['zh-CN', 'en'],
    currency: 'MYR',
    country: 'MY',
    brand: {
      colours: { primary: '#010066', accent: '#cc0001', background: '#fcfcff', text: '#14142b' },
      font: "'Noto Sans SC', system-ui, sans-serif",
    },
    // 10 % over the ECB cross rate, rounded up to the next 10 sen.
    pricing: {
      markupBps: 1000,
      rounding: { increment: 10, mode: 'up' },
      maxRateAgeHours: DEMO_MAX_RATE_AGE_HOURS,
    },
    shippingLanes: [
      {
        id: 'sea-consolidated',
        kind: 'sea_consolidated',
        transitDays: { min: 10, max: 16 },
        baseFen: 2000,
        per100gFen: 70,
        volumetricDivisor: 6000,
        minChargeableGrams: 1000,
      },
    ],
    paymentMethods: ['bank_transfer'],
    payments: {
      bankAccount: {
        bankName: 'Maybank',
        accountNumber: '514011223344',
        accountName: 'SUMBER NIAGA SDN BHD',
      },
      deadlineHours: 72,
    },
    timeZone: 'Asia/Kuala_Lumpur',
    contact: { email: 'support@pifa.example.my' },
    legal: { companyName: 'Pifa Sourcing Sdn. Bhd. (demo)' },
  },
];
