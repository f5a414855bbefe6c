import { z } from 'zod';
import { ConfigError } from '@duban/config';
import { policySetting } from '@duban/policy';
import { Secret } from './secret';

// Channel settings come from the environment and are checked before anything starts, the way
// @duban/config checks the engines' (a bad value names its variable). A channel left unset is off.

/** http only to a loopback host (a local test receiver); anything reaching out must be https. */
const webhookUrl = z
  .string()
  .url()
  .refine((u) => {
    const url = new URL(u);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  }, 'expected an https:// URL (http only to a loopback host)');

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const RobotSchema = z.object({
  /** How subscriptions name it, e.g. `财政局工作群`. Never the URL: that holds the robot's key. */
  name: z.string().min(1).max(60),
  kind: z.enum(['wecom', 'dingtalk']),
  url: webhookUrl,
  /** DingTalk's 加签 secret (`SEC…`), when the robot has the signed-request option on. */
  secret: z.string().min(8).optional(),
  /** Units whose group this is: they receive their own items there unless they chose otherwise. */
  units: z.array(z.string().min(1)).default([]),
});

/** The quiet hours of issue 19 §3 are our reading, named with their source in packages/policy. */
const QUIET_HOURS = policySetting('delivery.quiet-hours')!;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const EnvSchema = z.object({
  DELIVERY_SMTP_HOST: z.string().min(1).optional(),
  DELIVERY_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
  DELIVERY_SMTP_SECURE: flag.default(false),
  DELIVERY_SMTP_USER: z.string().min(1).optional(),
  DELIVERY_SMTP_PASSWORD: z.string().min(1).optional(),
  DELIVERY_MAIL_FROM: z.string().min(3).default('督办提醒 <duban@localhost>'),
  // A JSON array of group robots: [{ "name", "kind": "wecom"|"dingtalk", "url", "secret"?, "units"? }].
  DELIVERY_ROBOTS: z.string().min(2).optional(),
  // The SMS gateway's webhook: POST JSON { to, text, deliveryId } with a bearer token.
  DELIVERY_SMS_URL: webhookUrl.optional(),
  DELIVERY_SMS_TOKEN: z.string().min(8).optional(),
  // What the group robots accept: 企业微信 and 钉钉 both allow 20 messages a minute per robot.
  DELIVERY_ROBOT_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(20),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  // Quiet hours (Asia/Shanghai) for immediate alerts other than red escalations, e.g. 22:00-07:30;
  // `off` or unset for none (policy setting delivery.quiet-hours: our reading, its source named).
  DELIVERY_QUIET_HOURS: z
    .string()
    .regex(
      /^(([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d|off)$/,
      'expected HH:MM-HH:MM (e.g. 22:00-07:30) or off',
    )
    .optional(),
  // The console's address, for the links in messages (a message opens the item on a phone).
  DELIVERY_CONSOLE_URL: z.string().url().default('http://127.0.0.1:3000/'),
});

export interface RobotConfig {
  name: string;
  kind: 'wecom' | 'dingtalk';
  url: Secret;
  secret: Secret | null;
  units: string[];
}

export interface DeliveryConfig {
  smtp: {
    host: string;
    port: number;
    secure: boolean;
    user: string | null;
    password: Secret | null;
    from: string;
  } | null;
  robots: RobotConfig[];
  sms: { url: Secret; token: Secret | null } | null;
  robotPerMinute: number;
  maxAttempts: number;
  quietHours: { from: string; to: string } | null;
  consoleUrl: string;
}

/** Reads and checks the channel settings; throws a ConfigError naming each bad variable. */
export function loadDeliveryConfig(env: Record<string, string | undefined> = process.env): DeliveryConfig {
  const known: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') known[key] = value;
  }
  const problems: { variable: string; message: string }[] = [];
  const parsed = EnvSchema.safeParse(known);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ variable: String(issue.path[0] ?? '(environment)'), message: issue.message });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const robots = parseRobots(e.DELIVERY_ROBOTS, problems);
  if (e.DELIVERY_SMTP_USER && !e.DELIVERY_SMTP_PASSWORD)
    problems.push({ variable: 'DELIVERY_SMTP_PASSWORD', message: 'required with DELIVERY_SMTP_USER' });
  if (problems.length > 0) throw new ConfigError(problems);
  const quiet = e.DELIVERY_QUIET_HOURS ?? String(QUIET_HOURS.defaultValue);
  const [quietFrom, quietTo] = quiet === 'off' ? [] : quiet.split('-');
  return {
    smtp: e.DELIVERY_SMTP_HOST
      ? {
          host: e.DELIVERY_SMTP_HOST,
          port: e.DELIVERY_SMTP_PORT,
          secure: e.DELIVERY_SMTP_SECURE,
          user: e.DELIVERY_SMTP_USER ?? null,
          password: e.DELIVERY_SMTP_PASSWORD ? new Secret(e.DELIVERY_SMTP_PASSWORD) : null,
          from: e.DELIVERY_MAIL_FROM,
        }
      : null,
    robots,
    sms: e.DELIVERY_SMS_URL
      ? {
          url: new Secret(e.DELIVERY_SMS_URL),
          token: e.DELIVERY_SMS_TOKEN ? new Secret(e.DELIVERY_SMS_TOKEN) : null,
        }
      : null,
    robotPerMinute: e.DELIVERY_ROBOT_PER_MINUTE,
    maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
    quietHours: quietFrom && quietTo ? { from: quietFrom, to: quietTo } : null,
    consoleUrl: e.DELIVERY_CONSOLE_URL,
  };
}

function parseRobots(
  raw: string | undefined,
  problems: { variable: string; message: string }[],
): RobotConfig[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // Not the text itself: it holds the robots' keys.
    problems.push({ variable: 'DELIVERY_ROBOTS', message: 'not valid JSON' });
    return [];
  }
  const parsed = z.array(RobotSchema).safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ variable: 'DELIVERY_ROBOTS', message: `${issue.path.join('.')}: ${issue.message}` });
    return [];
  }
  const names = new Set<string>();
  for (const r of parsed.data) {
    if (names.has(r.name))
      problems.push({ variable: 'DELIVERY_ROBOTS', message: `robot named twice: ${r.name}` });
    names.add(r.name);
    if (r.kind === 'wecom' && r.secret)
      problems.push({ variable: 'DELIVERY_ROBOTS', message: `${r.name}: 企业微信 robots are not signed` });
  }
  return parsed.data.map((r) => ({
    name: r.name,
    kind: r.kind,
    url: new Secret(r.url),
    secret: r.secret ? new Secret(r.secret) : null,
    units: r.units,
  }));
}

/** Every secret of the configuration, so that an error text can be scrubbed of them. */
export function secretsOf(config: DeliveryConfig): Secret[] {
  return [
    ...(config.smtp?.password ? [config.smtp.password] : []),
    ...config.robots.flatMap((r) => [r.url, ...(r.secret ? [r.secret] : [])]),
    ...(config.sms ? [config.sms.url, ...(config.sms.token ? [config.sms.token] : [])] : []),
  ];
}
