import { describe, expect, it } from 'vitest';
import type { RobotConfig } from './config';
import { digestMessage, digestsOf, type DigestEntry } from './digest';
import { unitTargets } from './recipients';
import { Secret } from './secret';
import type { SubscriptionDoc } from './subscriptions';

const entry = (unitCode: string, itemId: string, deadline: string | null): DigestEntry => ({
  itemId,
  unitCode,
  stepLabel: '签收',
  href: `#/items/${itemId}`,
  docNo: '青政办发〔2019〕31号',
  ref: '三(三)',
  title: `事项${itemId}`,
  deadline,
  colour: 'green',
});

describe('每日督办提醒 (issue 19 §3)', () => {
  it('lists each unit’s overdue steps and those due within 7 days, most overdue first', () => {
    const digests = digestsOf(
      [
        entry('fin', 'soon', '2019-10-18'),
        entry('fin', 'late', '2019-10-08'),
        entry('fin', 'later', '2019-10-19'),
        entry('fin', 'none', null),
        entry('jyj', 'later', '2019-10-30'),
      ],
      '2019-10-11',
    );
    expect([...digests.keys()]).toEqual(['fin']);
    expect(digests.get('fin')!.map((e) => e.itemId)).toEqual(['late', 'soon']);
  });

  it('one message per unit: counts, how late or how soon, and the links that open each step', () => {
    const m = digestMessage(
      'fin',
      [entry('fin', 'late', '2019-10-08'), entry('fin', 'today', '2019-10-11')],
      '2019-10-11',
      'https://duban.example/',
    );
    expect(m.title).toBe('【每日督办提醒】青铜峡市财政局 2019-10-11：逾期1项，7日内到期1项');
    expect(m.text).toContain('逾期3天（2019-10-08）');
    expect(m.text).toContain('今日到期（2019-10-11）');
    expect(m.text).toContain('https://duban.example/#/items/late');
    expect(m.link).toBe('https://duban.example/#/inbox');
  });

  it('goes to the unit’s own channels, else to its configured group robot', () => {
    const robot: RobotConfig = {
      name: '财政局群',
      kind: 'wecom',
      url: new Secret('https://w/?key=k'),
      secret: null,
      units: ['fin', 'jyj'],
    };
    const jyj: SubscriptionDoc = {
      _id: 'unit:jyj',
      owner: { type: 'unit', unitCode: 'jyj' },
      channels: { email: 'JYJ@example.org' },
      kinds: ['red'],
      updatedAt: new Date(0),
    };
    expect(unitTargets('fin', [jyj], [robot])).toEqual([{ channel: 'wecom', recipient: '财政局群' }]);
    expect(unitTargets('jyj', [jyj], [robot])).toEqual([{ channel: 'email', recipient: 'jyj@example.org' }]);
    expect(unitTargets('zjj', [jyj], [robot])).toEqual([]);
  });
});
