import type { Locale } from '../../locales/index.ts';
import { translatorFor } from '../i18n/translator.ts';

/**
 * The messages the platform sends, rendered from the `mail` namespace in the recipient's
 * language: a subject, a plain-text body and the same as simple HTML (every value escaped).
 */
export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

interface Parts {
  subject: string;
  lead: string[];
  /** The one thing the message is for: a code shown large, or a link. */
  highlight: { code: string } | { href: string; label: string };
  after: string[];
  site: string;
}

function compose(locale: Locale, parts: Parts): RenderedMail {
  const highlightText = 'code' in parts.highlight ? parts.highlight.code : parts.highlight.href;
  const text = [...parts.lead, highlightText, ...parts.after, `— ${parts.site}`].join('\n\n');
  const paragraph = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const highlightHtml =
    'code' in parts.highlight
      ? `<p style="font-size:28px;letter-spacing:6px;font-weight:bold">${escapeHtml(parts.highlight.code)}</p>`
      : `<p><a href="${escapeHtml(parts.highlight.href)}">${escapeHtml(parts.highlight.label)}</a></p>`;
  const html = [
    `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head><body>`,
    ...parts.lead.map(paragraph),
    highlightHtml,
    ...parts.after.map(paragraph),
    `<p>— ${escapeHtml(parts.site)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: parts.subject, text, html };
}

/** The one-time code that lets a buyer choose a new password. */
export function passwordResetMail(
  locale: Locale,
  values: { site: string; name: string; code: string; minutes: number },
): RenderedMail {
  const t = translatorFor(locale);
  return compose(locale, {
    subject: t('mail:passwordReset.subject', values),
    lead: [t('mail:passwordReset.greeting', values), t('mail:passwordReset.body', values)],
    highlight: { code: values.code },
    after: [t('mail:passwordReset.ignore', values)],
    site: values.site,
  });
}

/**
 * The mail after checkout, in the buyer's language: a guest's private link to the order
 * (`guest`, with a warning to keep it), or a signed-in buyer's link to the order in their account
 * (`buyer`, which needs their sign-in).
 */
export function orderPlacedMail(
  locale: Locale,
  purchaser: 'guest' | 'buyer',
  values: { site: string; reference: string; url: string },
): RenderedMail {
  const t = translatorFor(locale);
  const key = purchaser === 'guest' ? 'mail:guestOrder' : 'mail:buyerOrder';
  return compose(locale, {
    subject: t(`${key}.subject`, values),
    lead: [t(`${key}.greeting`, values), t(`${key}.body`, values)],
    highlight: { href: values.url, label: t(`${key}.linkLabel`, values) },
    after: purchaser === 'guest' ? [t('mail:guestOrder.keep', values)] : [],
    site: values.site,
  });
}
