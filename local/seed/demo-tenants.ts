import type { TenantInput } from '../../core/tenants/tenant.ts';

/** The demo partner sites of the local platform, reachable as <id>.localhost. */
export const demoTenants: TenantInput[] = [
  {
    id: 'vn',
    name: 'Nguồn Hàng Trung Quốc',
    domains: ['vn.localhost', 'nguonhang.example.vn'],
    defaultLocale: 'vi',
    locales: ['vi', 'en'],
    currency: 'VND',
  },
  {
    id: 'kr',
    name: '중국도매 소싱',
    domains: ['kr.localhost', 'sourcing.example.kr'],
    defaultLocale: 'ko',
    locales: ['ko', 'en'],
    currency: 'KRW',
  },
];
