/**
 * The translations page's strings (namespace `console-translations`), registered only where the
 * console runs (like locales/console-launch.ts). Importing this module registers the namespace;
 * its completeness across languages is tested in test/unit/console-translations.test.ts.
 */
import { addNamespace } from '../core/i18n/translator.ts';
import en from './en/console-translations.json' with { type: 'json' };
import ko from './ko/console-translations.json' with { type: 'json' };
import vi from './vi/console-translations.json' with { type: 'json' };
import zh from './zh-CN/console-translations.json' with { type: 'json' };

export const CONSOLE_TRANSLATIONS_NS = 'console-translations';
export const consoleTranslationsResources = { en, vi, ko, 'zh-CN': zh };
addNamespace(CONSOLE_TRANSLATIONS_NS, consoleTranslationsResources);
