import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { mailDir } from '../../local/paths.ts';
import type { TestPlatform } from './platform.ts';

/**
 * The mail the local platform wrote as `.eml` files (its MAIL_DIR, shared by test files, so
 * read by recipient), parsed as a mail client would: the real message, not a mailer's record.
 */
export async function mailsTo(platform: TestPlatform, to: string) {
  const dir = platform.services.config.MAIL_DIR ?? mailDir;
  const tag = to.toLowerCase().replace(/[^a-z0-9@._-]/g, '_');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.includes(`-${tag}-`)).sort();
  return Promise.all(files.map(async (f) => PostalMime.parse(await readFile(join(dir, f), 'utf8'))));
}

/** The 6-digit password reset code of the newest reset mail to `to`, once it has arrived. */
export async function resetCodeFor(platform: TestPlatform, to: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailsTo(platform, to);
    const code = /\b(\d{6})\b/.exec(mails.at(-1)?.text ?? '')?.[1];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no reset code mailed to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
