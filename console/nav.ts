import '../locales/console-launch.ts';
import '../locales/console-translations.ts';
import type { ConsoleRole } from '../core/partners/users.ts';
import { tenantPath } from './context.ts';

/** One entry of the console's navigation: its label key (namespace `console`) and who sees it. */
export interface NavItem {
  key: string;
  href: (tenantId: string) => string;
  roles: readonly ConsoleRole[];
}

const everyone = ['operator', 'owner', 'staff'] as const;

/** The operator's own pages (no tenant in view). */
export const operatorNav: readonly { key: string; href: string }[] = [
  { key: 'console:navTenants', href: '/' },
  { key: 'console:navNewTenant', href: '/new-tenant' },
  { key: 'console:navDeadLetters', href: '/dead-letters' },
];

/** A tenant's pages, in order. New sections (the launch flow) add their entry here. */
export const tenantNav: NavItem[] = [
  { key: 'console:navOverview', href: (t) => tenantPath(t), roles: everyone },
  { key: 'console-launch:navLaunch', href: (t) => tenantPath(t, '/launch'), roles: ['operator', 'owner'] },
  { key: 'console:navOrders', href: (t) => tenantPath(t, '/orders'), roles: everyone },
  {
    key: 'console-translations:navTranslations',
    href: (t) => tenantPath(t, '/translations'),
    roles: everyone,
  },
  { key: 'console:navUsers', href: (t) => tenantPath(t, '/users'), roles: ['operator', 'owner'] },
  { key: 'console:navKeys', href: (t) => tenantPath(t, '/keys'), roles: ['operator', 'owner'] },
  { key: 'console:navAudit', href: (t) => tenantPath(t, '/audit'), roles: everyone },
];
