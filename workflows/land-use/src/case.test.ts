// 二(七) 违法占地案件 as pure state: step order, who acts, transfer, extension, colours.
import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/contracts';
import type { LandCaseCommand } from './contracts/index';
import { checkCaseAction, newLandCaseState, nextCaseWakeAt, openStep, refreshCaseColour } from './case';

const who = (role: Actor['role'], unitCode?: string): Actor => ({
  userId: unitCode ? `bureau-${unitCode}` : role,
  name: role,
  role,
  ...(unitCode ? { unitCode } : {}),
  requestId: 'r',
});
const at = (iso: string) => Date.parse(`${iso}+08:00`);
const facts = {
  source: 'report' as const,
  parcelNo: 'QTX-1',
  townCode: 'town-xiaoba',
  areaMu: 12,
  landKind: 'cultivated' as const,
  party: '李某',
  description: '',
  foundOn: '2019-05-10',
};
const cmd = (
  action: LandCaseCommand['action'],
  body: Record<string, unknown>,
  actor = who('bureau', 'natres'),
) => ({
  action,
  actor,
  body,
});

describe('违法占地案件 (二(七))', () => {
  it('opens with a 60-day deadline, major for 耕地 10 亩以上, investigation next', () => {
    const s = newLandCaseState({ caseId: 'c1', facts }, at('2019-05-10T09:00:00'));
    expect(s.case).toMatchObject({
      deadline: '2019-07-09',
      major: true,
      step: 'registered',
      colour: 'green',
    });
    expect(openStep(s.case)).toBe('investigated');
  });

  it('refuses steps out of order, other bureaus, a transfer before the investigation, and a bad body', () => {
    const s = newLandCaseState({ caseId: 'c1', facts }, at('2019-05-10T09:00:00'));
    expect(() => checkCaseAction(s, cmd('decide', { decision: '罚款' }))).toThrow(/当前应办理“调查取证”/);
    expect(() => checkCaseAction(s, cmd('investigate', { note: 'x' }, who('bureau', 'agri')))).toThrow(
      /由自然资源局查处/,
    );
    expect(() => checkCaseAction(s, cmd('transfer', { to: 'discipline', reason: 'x' }))).toThrow(
      /调查取证之后/,
    );
    expect(() => checkCaseAction(s, cmd('transfer', { to: 'police', reason: 'x' }))).toThrow(/body\.to/);
    expect(() => checkCaseAction(s, cmd('investigate', { note: '已查明' }))).not.toThrow();
  });

  it('an extension needs 督查室 and a later date (DESIGN §5)', () => {
    const s = newLandCaseState({ caseId: 'c1', facts }, at('2019-05-10T09:00:00'));
    const extend = (newDeadline: string, actor: Actor) =>
      cmd('extend', { newDeadline, reason: '补充测绘' }, actor);
    expect(() => checkCaseAction(s, extend('2019-08-01', who('bureau', 'natres')))).toThrow(/督查室/);
    expect(() => checkCaseAction(s, extend('2019-07-09', who('inspector')))).toThrow(/必须晚于现期限/);
    expect(() => checkCaseAction(s, extend('2019-07-10', who('inspector')))).not.toThrow();
  });

  it('goes blue seven days before the deadline, red after it; a case found long ago is red at once', () => {
    const s = newLandCaseState({ caseId: 'c1', facts }, at('2019-05-10T09:00:00'));
    expect(nextCaseWakeAt(s, at('2019-05-10T09:00:00'))).toBe(at('2019-07-03T00:00:00'));
    expect(refreshCaseColour(s, at('2019-07-03T00:00:00'))).toMatchObject({ from: 'green', to: 'blue' });
    expect(refreshCaseColour(s, at('2019-07-10T00:00:00'))).toMatchObject({ to: 'red' });
    expect(s.case.redSince).toBe('2019-07-09T16:00:00.000Z');
    const old = newLandCaseState(
      { caseId: 'c2', facts: { ...facts, foundOn: '2018-01-01' } },
      at('2019-05-10T09:00:00'),
    );
    expect(old.case.colour).toBe('red');
  });
});
