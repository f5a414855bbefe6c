import type { DeliveryConfig } from '../config';
import type { Message } from '../messages';
import { postJson } from './http';

/**
 * The generic SMS webhook: POST `{ to, text, deliveryId }`, a bearer token when configured, and
 * `Idempotency-Key: <delivery id>` so a gateway that honours it sends a retried message once.
 */
export function smsPayload(to: string, message: Message, deliveryId: string) {
  return { to, text: message.text.slice(0, 500), deliveryId };
}

export async function sendSms(
  sms: NonNullable<DeliveryConfig['sms']>,
  to: string,
  message: Message,
  deliveryId: string,
): Promise<void> {
  await postJson('短信网关', sms.url.reveal(), smsPayload(to, message, deliveryId), {
    'idempotency-key': deliveryId,
    ...(sms.token ? { authorization: `Bearer ${sms.token.reveal()}` } : {}),
  });
}
