// Loopback receivers for the delivery system test: a real SMTP server (smtp-server) and an HTTP
// server playing 企业微信, 钉钉 and an SMS gateway, each checking what it is sent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createHmac } from 'node:crypto';

export interface ReceivedMail {
  to: string[];
  messageId: string;
  raw: string;
  /** The text part, decoded (nodemailer sends Chinese text base64 or quoted-printable). */
  text: string;
}

function bodyText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (/^Content-Transfer-Encoding:\s*base64/im.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  // Longer texts come quoted-printable: soft line breaks, then =XX bytes.
  if (/^Content-Transfer-Encoding:\s*quoted-printable/im.test(head)) {
    const joined = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < joined.length; i++) {
      const hex = joined[i] === '=' ? /^[0-9A-F]{2}/i.exec(joined.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
      } else bytes.push(joined.charCodeAt(i));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

export async function startSmtpReceiver(): Promise<{
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '',
          raw,
          text: bodyText(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface RobotHit {
  path: string;
  body: unknown;
  /** For 钉钉: whether timestamp and sign matched the secret. */
  signed?: boolean;
  headers: IncomingMessage['headers'];
}

export interface HttpReceiver {
  base: string;
  hits: RobotHit[];
  /** Answers 500 to the next `n` requests on this path, then succeeds. */
  failNext(path: string, n: number): void;
  /** Answers this status from now on (400: a permanent refusal). */
  refuse(path: string, status: number | null): void;
  close(): Promise<void>;
}

/** One server for the three kinds, by path: /wecom, /dingtalk, /sms. */
export async function startHttpReceiver(options: {
  dingtalkSecret: string;
  smsToken: string;
}): Promise<HttpReceiver> {
  const hits: RobotHit[] = [];
  const failing = new Map<string, number>();
  const refused = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as unknown;
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const status = refused.get(path);
      if (status) return answer(status, { error: 'refused' });
      const left = failing.get(path) ?? 0;
      if (left > 0) {
        failing.set(path, left - 1);
        return answer(500, { error: 'try again' });
      }
      const hit: RobotHit = { path, body, headers: req.headers };
      if (path === '/dingtalk') {
        const timestamp = Number(url.searchParams.get('timestamp'));
        // As DingTalk checks it, computed here on its own: base64(HMAC-SHA256("timestamp\nsecret")).
        const expected = createHmac('sha256', options.dingtalkSecret)
          .update(`${timestamp}\n${options.dingtalkSecret}`)
          .digest('base64');
        hit.signed =
          Math.abs(Date.now() - timestamp) < 3600_000 &&
          url.searchParams.get('sign') === expected &&
          url.searchParams.get('access_token') === 'ding-token';
        hits.push(hit);
        return answer(
          200,
          hit.signed ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' },
        );
      }
      if (path === '/sms' && req.headers.authorization !== `Bearer ${options.smsToken}`)
        return answer(401, { error: 'token' });
      if (path === '/wecom' && url.searchParams.get('key') !== 'wecom-key')
        return answer(200, { errcode: 93000, errmsg: 'invalid webhook url' });
      hits.push(hit);
      return answer(200, path === '/sms' ? { accepted: true } : { errcode: 0, errmsg: 'ok' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    failNext: (path, n) => failing.set(path, n),
    refuse: (path, status) => (status === null ? refused.delete(path) : refused.set(path, status)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function eventually<T>(
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
