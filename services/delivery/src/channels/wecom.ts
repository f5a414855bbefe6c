import type { RobotConfig } from '../config';
import type { Message } from '../messages';
import { checkRobotAnswer, postJson } from './http';

/** 企业微信群机器人: `{ msgtype: 'markdown', markdown: { content } }`, at most 4096 bytes. */
export function wecomPayload(message: Message): { msgtype: 'markdown'; markdown: { content: string } } {
  return { msgtype: 'markdown', markdown: { content: truncateBytes(message.markdown, 4096) } };
}

// 45009: the robot's frequency limit (20 a minute).
const WECOM_RATE_LIMITED = [45009];

export async function sendWecom(robot: RobotConfig, message: Message): Promise<void> {
  const what = `企业微信机器人 ${robot.name}`;
  checkRobotAnswer(what, await postJson(what, robot.url.reveal(), wecomPayload(message)), WECOM_RATE_LIMITED);
}

export function truncateBytes(text: string, max: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= max) return text;
  let out = '';
  let size = 0;
  for (const ch of text) {
    const n = encoder.encode(ch).length;
    if (size + n > max - 3) break;
    out += ch;
    size += n;
  }
  return `${out}…`;
}
