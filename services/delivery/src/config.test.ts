import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@duban/config';
import { loadDeliveryConfig, secretsOf } from './config';
import { scrub } from './secret';

const robots = JSON.stringify([
  {
    name: '财政局群',
    kind: 'wecom',
    url: 'https://qyapi.example/cgi-bin/webhook/send?key=wecom-key-123',
    units: ['czj'],
  },
  {
    name: '督查室群',
    kind: 'dingtalk',
    url: 'https://oapi.example/robot/send?access_token=ding-tok-456',
    secret: 'SECabcdefgh',
  },
]);

describe('delivery settings', () => {
  it('leaves every channel off when nothing is set', () => {
    const c = loadDeliveryConfig({});
    expect(c).toMatchObject({ smtp: null, robots: [], sms: null, robotPerMinute: 20, quietHours: null });
  });

  it('reads the channels, and the secrets never print', () => {
    const c = loadDeliveryConfig({
      DELIVERY_SMTP_HOST: 'mail.example',
      DELIVERY_SMTP_USER: 'duban',
      DELIVERY_SMTP_PASSWORD: 'smtp-pass-789',
      DELIVERY_ROBOTS: robots,
      DELIVERY_SMS_URL: 'https://sms.example/send',
      DELIVERY_SMS_TOKEN: 'sms-token-000',
      DELIVERY_QUIET_HOURS: '22:00-07:30',
    });
    expect(c.robots.map((r) => [r.name, r.kind, r.units])).toEqual([
      ['财政局群', 'wecom', ['czj']],
      ['督查室群', 'dingtalk', []],
    ]);
    expect(c.quietHours).toEqual({ from: '22:00', to: '07:30' });
    const printed = JSON.stringify(c) + inspect(c, { depth: 10 }) + String(c.smtp?.password);
    for (const secret of [
      'wecom-key-123',
      'ding-tok-456',
      'SECabcdefgh',
      'smtp-pass-789',
      'sms-token-000',
      'sms.example',
    ])
      expect(printed).not.toContain(secret);
    expect(
      scrub('POST https://qyapi.example/cgi-bin/webhook/send?key=wecom-key-123 failed', secretsOf(c)),
    ).toBe('POST [secret] failed');
  });

  it('names each bad variable and never echoes a robot list', () => {
    let caught: unknown;
    try {
      loadDeliveryConfig({
        DELIVERY_SMTP_PORT: 'smtp',
        DELIVERY_SMS_URL: 'http://sms.example/send',
        DELIVERY_QUIET_HOURS: '10pm',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'DELIVERY_QUIET_HOURS',
      'DELIVERY_SMS_URL',
      'DELIVERY_SMTP_PORT',
    ]);
    expect(() => loadDeliveryConfig({ DELIVERY_ROBOTS: '[{"name":"x","url":"key=abc"' })).toThrow(
      /DELIVERY_ROBOTS: not valid JSON/,
    );
    try {
      loadDeliveryConfig({
        DELIVERY_ROBOTS: JSON.stringify([{ name: 'x', kind: 'wecom', url: 'http://x.example/?key=k1' }]),
      });
    } catch (error) {
      expect((error as Error).message).toMatch(/DELIVERY_ROBOTS: 0\.url/);
      expect((error as Error).message).not.toContain('k1');
    }
    expect(() => loadDeliveryConfig({ DELIVERY_SMTP_HOST: 'm', DELIVERY_SMTP_USER: 'u' })).toThrow(
      /DELIVERY_SMTP_PASSWORD/,
    );
  });

  it('takes plain http only to a loopback receiver', () => {
    expect(loadDeliveryConfig({ DELIVERY_SMS_URL: 'http://127.0.0.1:9/sms' }).sms).not.toBeNull();
  });
});
