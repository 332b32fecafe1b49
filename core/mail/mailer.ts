import type { Tenant } from '../tenants/tenant.ts';

/**
 * The mail port: what core needs to send a message to a person. Adapters: Amazon SES v2 in
 * AWS (adapters/mail/ses.ts), and locally a writer of one RFC 5322 `.eml` file per message
 * under `.local/mail/` (adapters/mail/local-files.ts). Messages are rendered before they get
 * here (core/mail/templates.ts, the `mail` i18n namespace), in the recipient's language.
 */
export interface MailAddress {
  /** The display name (any script: adapters encode it). */
  name?: string;
  address: string;
}

export interface MailMessage {
  /** The sender; the adapter's platform default (MAIL_FROM) when absent. */
  from?: MailAddress;
  replyTo?: MailAddress;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Who a site's mail comes from: the site's name, at its contact address when it has one (in SES
 * that address's domain must be a verified identity), else at the platform's MAIL_FROM.
 */
export function senderFor(tenant: Pick<Tenant, 'name' | 'contact'>, platformFrom: string): MailAddress {
  return { name: tenant.name, address: tenant.contact.email ?? platformFrom };
}
