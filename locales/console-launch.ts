/**
 * The launch flow's strings (namespace `console-launch`), registered only where the console runs:
 * the other functions' bundles stay without them (each bundle carries its locales, DESIGN §10).
 * Importing this module registers the namespace; its completeness across languages is tested in
 * test/unit/console-launch-locales.test.ts.
 */
import { addNamespace } from '../core/i18n/translator.ts';
import en from './en/console-launch.json' with { type: 'json' };
import ko from './ko/console-launch.json' with { type: 'json' };
import vi from './vi/console-launch.json' with { type: 'json' };
import zh from './zh-CN/console-launch.json' with { type: 'json' };

export const CONSOLE_LAUNCH_NS = 'console-launch';
export const consoleLaunchResources = { en, vi, ko, 'zh-CN': zh };
addNamespace(CONSOLE_LAUNCH_NS, consoleLaunchResources);
