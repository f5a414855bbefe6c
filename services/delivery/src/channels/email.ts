import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryConfig } from '../config';
import type { Message } from '../messages';
import { DeliveryFailure } from './failure';

export interface Mailer {
  send(to: string, message: Message, deliveryId: string): Promise<void>;
  close(): void;
}

/**
 * E-mail over SMTP (nodemailer). The Message-ID is made from the delivery id, so a mail sent
 * again after a crash between the server's acceptance and our record is one message to a mail
 * client, which shows a repeated Message-ID once.
 */
export function createMailer(smtp: NonNullable<DeliveryConfig['smtp']>): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user && smtp.password ? { auth: { user: smtp.user, pass: smtp.password.reveal() } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    send: async (to, message, deliveryId) => {
      try {
        await transport.sendMail({
          from: smtp.from,
          to,
          subject: message.title,
          text: message.text,
          messageId: mailMessageId(deliveryId),
          headers: { 'X-Duban-Delivery': deliveryId },
        });
      } catch (error) {
        const e = error as { responseCode?: number; code?: string; message?: string };
        // 5xx: the server refused this mail for good (no such mailbox, refused sender).
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
        throw new DeliveryFailure(
          `SMTP ${smtp.host}:${smtp.port}: ${e.responseCode ?? e.code ?? 'error'} ${String(e.message ?? '').slice(0, 200)}`,
          permanent,
        );
      }
    },
    close: () => transport.close(),
  };
}

export function mailMessageId(deliveryId: string): string {
  return `<${createHash('sha256').update(deliveryId).digest('hex').slice(0, 32)}@duban.delivery>`;
}
