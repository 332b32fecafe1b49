import { consoleResources } from '../../locales/console.ts';
import { addNamespace } from '../i18n/translator.ts';

/** The console's strings (namespace `console`), registered once where the console runs. */
addNamespace('console', consoleResources);
