import { createHash, randomBytes } from 'node:crypto';
import type { Locale } from '../../locales/index.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { RenderedMail } from '../mail/templates.ts';

/** An invitation link works once, for three days. */
export const invitePolicy = { validHours: 72 } as const;

const INVITE_SECRET = /^[A-Za-z0-9_-]{43}$/;

/** A new link secret and the id it is stored under (its SHA-256: a table read gives no link). */
export function newInviteSecret(): { secret: string; inviteId: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, inviteId: inviteIdOf(secret)! };
}

/** The stored id of a link's secret, or undefined for anything the console did not issue. */
export function inviteIdOf(secret: string): string | undefined {
  return INVITE_SECRET.test(secret) ? createHash('sha256').update(secret).digest('hex') : undefined;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The invitation mail, in the inviter's language: who invites, to what, the link and its life. */
export function inviteMail(
  locale: Locale,
  values: { inviter: string; site: string; role: string; url: string; hours: number },
): RenderedMail {
  const t = translatorFor(locale);
  const role = t(`console:role_${values.role}`);
  const subject = t('console:inviteMailSubject', { ...values, role });
  const lead = [t('console:inviteMailBody', { ...values, role })];
  const after = [t('console:inviteMailExpiry', values), t('console:inviteMailIgnore')];
  const text = [...lead, values.url, ...after, `— ${t('console:product')}`].join('\n\n');
  const html = [
    `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    ...lead.map((s) => `<p>${escapeHtml(s)}</p>`),
    `<p><a href="${escapeHtml(values.url)}">${escapeHtml(t('console:inviteMailLink'))}</a></p>`,
    ...after.map((s) => `<p>${escapeHtml(s)}</p>`),
    `<p>— ${escapeHtml(t('console:product'))}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
