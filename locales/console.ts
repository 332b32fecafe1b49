/**
 * The console's namespace (`console`), kept out of locales/index.ts so that only the console's
 * function bundles it (every other Lambda bundle carries index.ts's resources, within the bundle
 * budget). core/partners/i18n.ts adds it to the translator where the console runs.
 */
import en from './en/console.json' with { type: 'json' };
import ko from './ko/console.json' with { type: 'json' };
import vi from './vi/console.json' with { type: 'json' };
import zh from './zh-CN/console.json' with { type: 'json' };

export const consoleResources = { en, vi, ko, 'zh-CN': zh } as const;
