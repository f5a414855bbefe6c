// 二(七) 违法占地案件 as pure state: step order, who acts, transfer, extension, colours.
import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/contracts';
import type { LandCaseCommand } from './contracts/index';
import {
  applyExposureRule,
  checkCaseAction,
  exposureDue,
  newLandCaseState,
  nextCaseWakeAt,
  openStep,
  refreshCaseColour,
} from './case';

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

  it('二(七) 曝光: a major case opened under the rule is exposed by 自然资源局 after the 处罚决定, before 结案', () => {
    const s = newLandCaseState({ caseId: 'c9', facts }, at('2019-05-10T09:00:00'));
    applyExposureRule(s);
    expect(s.case).toMatchObject({ major: true, exposureRequired: true, exposure: null });
    const expose = cmd('expose', { channel: '青铜峡市人民政府网站', summary: '通报李某违法占用耕地 12 亩' });
    expect(() => checkCaseAction(s, expose)).toThrow(/处罚决定之后.*二\(七\)/);
    s.case.step = 'rectified';
    expect(exposureDue(s.case)).toBe(true);
    expect(() => checkCaseAction(s, cmd('close', {}))).toThrow(/须先曝光才能结案/);
    expect(() => checkCaseAction(s, { ...expose, actor: who('bureau', 'agri') })).toThrow(/由自然资源局查处/);
    expect(() => checkCaseAction(s, cmd('expose', { channel: '', summary: 'x' }))).toThrow(/body\.channel/);
    expect(checkCaseAction(s, expose)).toMatchObject({ channel: '青铜峡市人民政府网站' });
    s.case.exposure = { channel: '网站', summary: 'x', at: '2019-06-01T01:00:00.000Z', by: 'bureau-natres' };
    expect(exposureDue(s.case)).toBe(false);
    expect(() => checkCaseAction(s, expose)).toThrow(/已曝光/);
    expect(checkCaseAction(s, cmd('close', {}))).toEqual({});
  });

  it('曝光 is for major cases only, and a case opened before the rule keeps its flow', () => {
    const small = newLandCaseState(
      { caseId: 'c10', facts: { ...facts, areaMu: 3 } },
      at('2019-05-10T09:00:00'),
    );
    applyExposureRule(small);
    small.case.step = 'decided';
    const expose = cmd('expose', { channel: '网站', summary: 'x' });
    expect(() => checkCaseAction(small, expose)).toThrow(/不是重大典型案件/);
    const before = newLandCaseState({ caseId: 'c11', facts }, at('2019-05-10T09:00:00'));
    before.case.step = 'rectified';
    expect(before.case).not.toHaveProperty('exposureRequired');
    expect(() => checkCaseAction(before, expose)).toThrow(/立案时尚无曝光步骤/);
    expect(checkCaseAction(before, cmd('close', {}))).toEqual({});
  });
});
