import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailAddress, Mailer, MailMessage } from '../../core/mail/mailer.ts';
import { sdkRetryPolicy } from '../sdk-retry.ts';

/**
 * An address as SES takes it in FromEmailAddress / ReplyToAddresses: a display name outside
 * printable ASCII as an RFC 2047 encoded-word (SES refuses raw UTF-8 there), else quoted.
 */
export function sesAddress({ name, address }: MailAddress): string {
  if (!name) return address;
  const printable = /^[\x20-\x7e]*$/.test(name);
  const display = printable
    ? `"${name.replace(/(["\\])/g, '\\$1')}"`
    : `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
  return `${display} <${address}>`;
}

/**
 * Amazon SES v2 (SendEmail with simple content: SES builds the MIME message, UTF-8 subject and
 * bodies included). The SDK module is loaded and the client made on the first message, not at
 * cold start (most requests of the checkout function send no mail).
 */
export function sesMailer(options: { region: string; defaultFrom: string }): Mailer {
  type Sdk = typeof import('@aws-sdk/client-sesv2');
  let client: Promise<{ client: SESv2Client; SendEmailCommand: Sdk['SendEmailCommand'] }> | undefined;
  return {
    async send(message: MailMessage) {
      client ??= import('@aws-sdk/client-sesv2').then((sdk) => ({
        client: new sdk.SESv2Client({ region: options.region, ...sdkRetryPolicy() }),
        SendEmailCommand: sdk.SendEmailCommand,
      }));
      const { client: ses, SendEmailCommand } = await client;
      const from = message.from ?? { address: options.defaultFrom };
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: sesAddress(from),
          Destination: { ToAddresses: [message.to] },
          ...(message.replyTo && { ReplyToAddresses: [sesAddress(message.replyTo)] }),
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: message.text, Charset: 'UTF-8' },
                ...(message.html && { Html: { Data: message.html, Charset: 'UTF-8' } }),
              },
            },
          },
        }),
      );
    },
  };
}
