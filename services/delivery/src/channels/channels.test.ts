import { describe, expect, it } from 'vitest';
import { dingtalkPayload, dingtalkSign, signedUrl } from './dingtalk';
import { mailMessageId } from './email';
import { smsPayload } from './sms';
import { truncateBytes, wecomPayload } from './wecom';

const message = {
  title: '【督办提醒·逾期】事项',
  text: '正文',
  markdown: '### 事项',
  link: 'http://c/#/items/x',
};

describe('channel payloads', () => {
  it('signs a DingTalk request as its documentation says (checked against Python hmac)', () => {
    // python3: quote_plus(b64encode(hmac.new(secret, f"{t}\n{secret}", sha256).digest()))
    expect(dingtalkSign('SEC0123456789abcdef', 1764620400000)).toBe(
      'u2cvtdN19vw1zbSKedZ6mklf7YS6hS8ryT8yhTUExtw%3D',
    );
    expect(
      signedUrl('https://d.example/robot/send?access_token=t', 'SEC0123456789abcdef', 1764620400000),
    ).toBe(
      'https://d.example/robot/send?access_token=t&timestamp=1764620400000&sign=u2cvtdN19vw1zbSKedZ6mklf7YS6hS8ryT8yhTUExtw%3D',
    );
    expect(signedUrl('https://d.example/robot/send?access_token=t', null, 1)).toBe(
      'https://d.example/robot/send?access_token=t',
    );
  });

  it('builds the documented markdown messages', () => {
    expect(wecomPayload(message)).toEqual({ msgtype: 'markdown', markdown: { content: '### 事项' } });
    expect(dingtalkPayload(message)).toEqual({
      msgtype: 'markdown',
      markdown: { title: '【督办提醒·逾期】事项', text: '### 事项' },
    });
    expect(smsPayload('13800000000', message, 'd1')).toEqual({
      to: '13800000000',
      text: '正文',
      deliveryId: 'd1',
    });
  });

  it('keeps a WeCom message within 4096 bytes without cutting a character', () => {
    const long = '督'.repeat(2000); // 6000 bytes
    const cut = truncateBytes(long, 4096);
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(4096);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('gives a resent mail the same Message-ID', () => {
    expect(mailMessageId('e1|email|a@b')).toBe(mailMessageId('e1|email|a@b'));
    expect(mailMessageId('e1|email|a@b')).not.toBe(mailMessageId('e1|email|c@b'));
  });
});
