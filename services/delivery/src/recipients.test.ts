import { describe, expect, it } from 'vitest';
import { Secret } from './secret';
import type { RobotConfig } from './config';
import { backoffMs } from './dispatcher';
import { releaseTime } from './quiet';
import { deliveryId, sourceEventOf, targetsOf } from './recipients';
import type { AlertRaised, SubscriptionDoc } from './subscriptions';

const alert = (over: Partial<AlertRaised> = {}): AlertRaised => ({
  alertId: 'supervision-x/colour-item/3|inspector',
  audience: 'inspector',
  process: 'supervision',
  itemId: 'x',
  docNo: '青政发〔2019〕1号',
  ref: '一',
  title: '事项',
  colour: 'red',
  kind: 'colour_changed',
  message: '已超过办理期限',
  leadUnits: ['czj'],
  createdAt: '2019-10-01T00:00:00+08:00',
  ...over,
});
const robot: RobotConfig = {
  name: '财政局群',
  kind: 'wecom',
  url: new Secret('https://w/?key=k'),
  secret: null,
  units: ['czj'],
};
const user = (
  username: string,
  role: 'inspector' | 'leader' | 'bureau',
  channels: SubscriptionDoc['channels'],
  kinds: SubscriptionDoc['kinds'] = null,
  unitCode: string | null = null,
): SubscriptionDoc => ({
  _id: `user:${username}`,
  owner: { type: 'user', username, role, unitCode },
  channels,
  kinds,
  updatedAt: new Date(0),
});

describe('who is told', () => {
  const subs = [
    user('insp', 'inspector', { email: 'Insp@Example.org' }),
    user('lead', 'leader', { sms: '13800000000' }),
    user('bur', 'bureau', { email: 'bur@example.org' }, null, 'czj'),
    user('other', 'bureau', { email: 'other@example.org' }, null, 'jyj'),
  ];

  it('a red colour change: the inspector, the bureau of the item and its unit group; the leaders by their own copy', () => {
    expect(targetsOf(alert(), subs, [robot])).toEqual([
      { channel: 'email', recipient: 'bur@example.org' },
      { channel: 'email', recipient: 'insp@example.org' },
      { channel: 'wecom', recipient: '财政局群' },
    ]);
    expect(
      targetsOf(alert({ audience: 'leader', alertId: 'supervision-x/colour-item/3|leader' }), subs, [robot]),
    ).toEqual([
      { channel: 'email', recipient: 'bur@example.org' },
      { channel: 'sms', recipient: '13800000000' },
      { channel: 'wecom', recipient: '财政局群' },
    ]);
  });

  it('both copies of one fact reach a unit group under one delivery id', () => {
    const a = alert();
    const b = alert({ audience: 'leader', alertId: 'supervision-x/colour-item/3|leader' });
    expect(sourceEventOf(a)).toBe('supervision-x/colour-item/3');
    expect(deliveryId(sourceEventOf(a), { channel: 'wecom', recipient: '财政局群' })).toBe(
      deliveryId(sourceEventOf(b), { channel: 'wecom', recipient: '财政局群' }),
    );
  });

  it('a blue one: not the inspector (defaults: red only), still the bureau and its group', () => {
    expect(targetsOf(alert({ colour: 'blue' }), subs, [robot]).map((t) => t.recipient)).toEqual([
      'bur@example.org',
      '财政局群',
    ]);
  });

  it('a chosen list of kinds replaces the defaults; a unit may send its items elsewhere', () => {
    const chosen = [
      user('insp', 'inspector', { email: 'insp@example.org' }, ['blue']),
      {
        _id: 'unit:czj',
        owner: { type: 'unit' as const, unitCode: 'czj' },
        channels: {},
        kinds: null,
        updatedAt: new Date(0),
      },
    ];
    expect(targetsOf(alert({ colour: 'blue' }), chosen, [robot])).toEqual([
      { channel: 'email', recipient: 'insp@example.org' },
    ]);
    expect(targetsOf(alert({ colour: 'green' }), subs, [robot])).toEqual([]);
  });
});

describe('when it goes out', () => {
  const quiet = { from: '22:00', to: '07:30' };
  it('waits for the end of the quiet hours (Asia/Shanghai), across midnight', () => {
    expect(releaseTime(new Date('2019-10-01T23:10:00+08:00'), quiet).toISOString()).toBe(
      '2019-10-01T23:30:00.000Z',
    );
    expect(releaseTime(new Date('2019-10-02T06:00:00+08:00'), quiet).toISOString()).toBe(
      '2019-10-01T23:30:00.000Z',
    );
    expect(releaseTime(new Date('2019-10-02T09:00:00+08:00'), quiet).toISOString()).toBe(
      '2019-10-02T01:00:00.000Z',
    );
    expect(releaseTime(new Date('2019-10-02T06:00:00+08:00'), null).toISOString()).toBe(
      '2019-10-01T22:00:00.000Z',
    );
  });

  it('backs off exponentially up to a ceiling', () => {
    const b = { baseMs: 1000, maxMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, b))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
