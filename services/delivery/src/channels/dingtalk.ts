import { createHmac } from 'node:crypto';
import type { RobotConfig } from '../config';
import type { Message } from '../messages';
import { checkRobotAnswer, postJson } from './http';

/** 钉钉自定义机器人: `{ msgtype: 'markdown', markdown: { title, text } }`. */
export function dingtalkPayload(message: Message): {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
} {
  return { msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } };
}

/**
 * 钉钉's 加签: sign = urlencode(base64(HMAC-SHA256(key = secret, "timestamp\nsecret"))), the
 * timestamp in milliseconds, both added to the webhook's query. DingTalk refuses a timestamp
 * more than an hour off.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  const digest = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
  return encodeURIComponent(digest);
}

export function signedUrl(url: string, secret: string | null, timestampMs: number): string {
  if (secret === null) return url;
  const joiner = url.includes('?') ? '&' : '?';
  return `${url}${joiner}timestamp=${timestampMs}&sign=${dingtalkSign(secret, timestampMs)}`;
}

// 130101: sending too fast (20 a minute per robot).
const DINGTALK_RATE_LIMITED = [130101];

export async function sendDingtalk(
  robot: RobotConfig,
  message: Message,
  now: () => number = Date.now,
): Promise<void> {
  const what = `钉钉机器人 ${robot.name}`;
  const url = signedUrl(robot.url.reveal(), robot.secret?.reveal() ?? null, now());
  checkRobotAnswer(what, await postJson(what, url, dingtalkPayload(message)), DINGTALK_RATE_LIMITED);
}
