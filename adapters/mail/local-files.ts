import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailAddress, Mailer, MailMessage } from '../../core/mail/mailer.ts';

const asNodemailer = (a: MailAddress) => (a.name ? { name: a.name, address: a.address } : a.address);

/**
 * The local platform's mail: each message written as one RFC 5322 file (`.eml`, openable in any
 * mail client) under `dir`, built by nodemailer's MIME composer (UTF-8 headers as encoded-words,
 * text and HTML as multipart/alternative). Named `<time>-<recipient>-<random>.eml`, so the
 * newest sorts last and a test finds a recipient's mail by name. Only the local platform loads
 * this module (nodemailer stays out of the Lambda bundles).
 */
export function localFileMailer(options: { dir: string; defaultFrom: string }): Mailer {
  return {
    async send(message: MailMessage) {
      const from = message.from ?? { address: options.defaultFrom };
      const composer = new MailComposer({
        from: asNodemailer(from),
        to: message.to,
        ...(message.replyTo && { replyTo: asNodemailer(message.replyTo) }),
        subject: message.subject,
        text: message.text,
        ...(message.html && { html: message.html }),
        textEncoding: 'quoted-printable',
      });
      const raw: Buffer = await new Promise((resolve, reject) =>
        composer.compile().build((error, built) => (error ? reject(error) : resolve(built))),
      );
      await mkdir(options.dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const who = message.to
        .toLowerCase()
        .replace(/[^a-z0-9@._-]/g, '_')
        .slice(0, 80);
      const file = join(options.dir, `${stamp}-${who}-${randomBytes(3).toString('hex')}.eml`);
      await writeFile(file, raw, { flag: 'wx' });
    },
  };
}
