import { existsSync } from 'node:fs';
import { chromiumPath, missingChromium } from './chromium-path.ts';

/** Before any browser test: one sentence when Debian's Chromium is missing. */
export default function setup() {
  if (!existsSync(chromiumPath)) throw new Error(missingChromium);
}
