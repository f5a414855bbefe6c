// 三(十) without a server: which assessment fact about a town wins, and what the ledger refuses.
import { describe, expect, it } from 'vitest';
import { ActionRefusedError } from '@duban/workflow-core/refusal';
import {
  applySuspensionFact,
  checkRequestOccupation,
  newLedgerState,
  resumeLedgerState,
  suspendedTownsOf,
} from './ledger';
import { afterSuspensionFact, suspensionRefusal, type TownSuspension } from './suspension';
import { actor } from './testing';

const natres = actor('bureau', 'natres');

const fact = (year: number, at: string, lifted = false): TownSuspension => ({
  townCode: 'town-qujing',
  townName: '瞿靖镇',
  assessmentId: `cl-assess-${year}-town-qujing`,
  year,
  reason: `${year}年度耕地保护责任目标考核未通过`,
  since: `${year + 1}-01-20T01:00:00.000Z`,
  rectificationDeadline: `${year + 1}-06-30`,
  liftedAt: lifted ? at : null,
  at,
});

describe('a town suspension follows the assessment facts (三(十))', () => {
  it('a later fact wins; an older one changes nothing', () => {
    const placed = fact(2019, '2020-01-20T01:00:00.000Z');
    const lifted = fact(2019, '2020-03-02T01:00:00.000Z', true);
    expect(afterSuspensionFact(null, placed)).toEqual(placed);
    expect(afterSuspensionFact(placed, lifted)).toEqual(lifted);
    expect(afterSuspensionFact(lifted, placed)).toBeNull();
    expect(afterSuspensionFact(placed, placed)).toEqual(placed);
  });

  it('a lift applies only to the suspension it names', () => {
    const thisYear = fact(2020, '2021-01-20T01:00:00.000Z');
    const lastYearsLift = fact(2019, '2021-02-01T01:00:00.000Z', true);
    expect(afterSuspensionFact(thisYear, lastYearsLift)).toBeNull();
    expect(afterSuspensionFact(null, lastYearsLift)).toEqual(lastYearsLift);
  });

  it('the ledger refuses both kinds of occupation in a suspended town, naming the assessment, until the lift', () => {
    const state = newLedgerState({ ledgerId: 'test' });
    const placed = fact(2019, '2020-01-20T01:00:00.000Z');
    applySuspensionFact(state, placed);
    expect(suspendedTownsOf(state)).toEqual(['town-qujing']);
    for (const kind of ['permanent', 'temporary'] as const) {
      const body = { project: '农产品加工园', townCode: 'town-qujing', areaMu: 1, grade: 9, kind };
      expect(() => checkRequestOccupation(state, natres, body)).toThrow(ActionRefusedError);
      expect(() => checkRequestOccupation(state, natres, body)).toThrow(suspensionRefusal(placed, kind));
    }
    expect(suspensionRefusal(placed, 'temporary')).toBe(
      '瞿靖镇临时用地审批暂停办理：2019年度耕地保护责任目标考核未通过（青政办发〔2019〕28号 三(十)，整改期限 2020-06-30）',
    );
    const other = { project: '输水管线', townCode: 'town-xiakou', areaMu: 1, grade: 9 };
    expect(checkRequestOccupation(state, natres, other).townCode).toBe('town-xiakou');

    applySuspensionFact(state, fact(2019, '2020-03-02T01:00:00.000Z', true));
    expect(suspendedTownsOf(state)).toEqual([]);
    const body = { project: '农产品加工园', townCode: 'town-qujing', areaMu: 1, grade: 9 };
    expect(checkRequestOccupation(state, natres, body).townCode).toBe('town-qujing');
  });

  it('a run carried on from before suspensions were kept holds none', () => {
    const { suspensions: _none, ...before } = newLedgerState({ ledgerId: 'test' });
    expect(resumeLedgerState(before).suspensions).toEqual({});
  });
});
