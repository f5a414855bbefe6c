// The ledger's state transitions without a server: the balance after every fact.
import { describe, expect, it } from 'vitest';
import { LandUseEvents, type LedgerSnapshot } from './contracts/index';
import { type Actor } from '@duban/contracts';
import {
  acceptCompensation,
  checkAcceptCompensation,
  checkRequestOccupation,
  confirmReclamation,
  newLedgerState,
  refreshBalance,
  refreshReclamationColours,
  requestOccupation,
} from './ledger';
import { toCenti } from './rules';

const natres: Actor = {
  userId: 'bureau-natres',
  name: '自然资源局',
  role: 'bureau',
  unitCode: 'natres',
  requestId: 'r',
};
const at = (iso: string) => Date.parse(`${iso}+08:00`);

function balanced(ledger: LedgerSnapshot) {
  const remaining = ledger.parcels.reduce((s, p) => s + toCenti(p.remainingMu), 0);
  const b = ledger.balance;
  expect(remaining).toBe(toCenti(b.acceptedMu) - toCenti(b.consumedMu));
  expect(toCenti(b.remainingMu)).toBe(remaining);
  // 占一补一: what was consumed is exactly what was occupied permanently.
  expect(toCenti(b.consumedMu)).toBe(toCenti(b.occupiedMu));
}

function run() {
  const state = newLedgerState({ ledgerId: 'test' });
  const facts: { type: string; ledger: LedgerSnapshot; extra: Record<string, unknown> }[] = [];
  const emit = (type: string, _step: string, _actor: Actor | null, extra: object) => {
    refreshBalance(state);
    facts.push({
      type,
      ledger: JSON.parse(JSON.stringify(state.ledger)),
      extra: JSON.parse(JSON.stringify(extra)),
    });
  };
  return { state, facts, emit };
}

describe('compensation ledger (二(三))', () => {
  it('approves, refuses, queues key projects first, and balances after every fact', () => {
    const { state, facts, emit } = run();
    const accept = (parcelNo: string, townCode: string, areaMu: number, grade: number, now: string) => {
      const body = checkAcceptCompensation(
        state,
        natres,
        { parcelNo, townCode, areaMu, grade, sourceProject: '土地整治项目', acceptedOn: now.slice(0, 10) },
        at(now),
      );
      acceptCompensation(state, natres, body, at(now), emit);
    };
    const request = (body: Record<string, unknown>, now: string) =>
      requestOccupation(state, natres, checkRequestOccupation(state, natres, body), at(now), emit);

    accept('BC-1', 'town-xiaoba', 20, 6, '2019-05-06T10:00:00');
    accept('BC-2', 'town-yesheng', 8.5, 4, '2019-05-06T11:00:00');
    let o = request(
      { project: '工业园区道路', townCode: 'town-xiaoba', areaMu: 25, grade: 7 },
      '2019-05-07T09:00:00',
    );
    expect(o).toMatchObject({ occupationId: 'ZY-2019-0001', state: 'approved' });
    expect(o.consumed).toEqual([
      { parcelNo: 'BC-1', areaMu: 20, grade: 6 },
      { parcelNo: 'BC-2', areaMu: 5, grade: 4 },
    ]);
    o = request({ project: '物流园', townCode: 'town-xiaoba', areaMu: 5, grade: 9 }, '2019-05-08T09:00:00');
    expect(o).toMatchObject({ state: 'refused', refusal: { rule: 'quantity', shortfallMu: 1.5 } });
    const national = request(
      {
        project: '国道改线',
        townCode: 'town-qujing',
        areaMu: 4,
        grade: 5,
        keyLevel: 'national',
        waitIfShort: true,
      },
      '2019-05-09T09:00:00',
    );
    const general = request(
      { project: '商业综合体', townCode: 'town-qingtongxia', areaMu: 3, grade: 9, waitIfShort: true },
      '2019-05-10T09:00:00',
    );
    expect([general.state, national.state]).toEqual(['queued', 'queued']);
    expect(state.ledger.queue.map((q) => q.project)).toEqual(['国道改线', '商业综合体']);
    // 3.5 mu of grade 4 remain: the general project could use it, but the national one waits ahead.
    expect(national.refusal).toMatchObject({ rule: 'quantity', shortfallMu: 0.5 });
    expect(general.refusal).toMatchObject({ rule: 'priority' });

    accept('BC-3', 'town-qujing', 1, 5, '2019-06-01T09:00:00');
    expect(facts.at(-1)).toMatchObject({ type: LandUseEvents.OccupationApproved.type });
    expect(state.ledger.queue.map((q) => q.project)).toEqual(['商业综合体']);
    accept('BC-4', 'town-daba', 3, 9, '2019-06-02T09:00:00');
    expect(state.ledger.queue).toEqual([]);

    const temp = request(
      { project: '管线施工', townCode: 'town-daba', areaMu: 2, grade: 8, kind: 'temporary' },
      '2019-06-03T09:00:00',
    );
    expect(temp.reclamation).toMatchObject({ deadline: '2021-06-03', colour: 'green' });
    expect(state.ledger.balance.temporaryMu).toBe(2);
    refreshReclamationColours(state, at('2021-05-28T00:00:01'), emit);
    expect(facts.at(-1)).toMatchObject({ extra: { from: 'green', to: 'blue' } });
    confirmReclamation(state, natres, temp.occupationId, '已复垦', at('2021-05-30T09:00:00'), emit);
    expect(state.ledger.temporary).toEqual([]);

    for (const f of facts) balanced(f.ledger);
    expect(state.ledger.balance).toMatchObject({
      acceptedMu: 32.5,
      consumedMu: 32,
      remainingMu: 0.5,
      occupiedMu: 32,
    });
    expect(state.ledger.balance.byTown.find((t) => t.townCode === 'town-xiaoba')).toMatchObject({
      acceptedMu: 20,
      consumedMu: 20,
      occupiedMu: 25,
    });
  });

  it('refuses bad bodies, other bureaus and a parcel entered twice', () => {
    const { state } = run();
    const now = at('2019-05-06T10:00:00');
    const body = {
      parcelNo: 'BC-1',
      townCode: 'town-xiaoba',
      areaMu: 1.234,
      grade: 5,
      sourceProject: 'x',
      acceptedOn: '2019-05-06',
    };
    expect(() => checkAcceptCompensation(state, natres, body, now)).toThrow(
      /body\.areaMu: at most 2 decimals/,
    );
    expect(() => checkAcceptCompensation(state, natres, { ...body, areaMu: 1, grade: 16 }, now)).toThrow(
      /body\.grade/,
    );
    expect(() =>
      checkAcceptCompensation(state, { ...natres, unitCode: 'edu' }, { ...body, areaMu: 1 }, now),
    ).toThrow(/由自然资源局办理/);
    expect(() =>
      checkAcceptCompensation(state, natres, { ...body, areaMu: 1, acceptedOn: '2019-05-07' }, now),
    ).toThrow(/晚于今天/);
    acceptCompensation(
      state,
      natres,
      checkAcceptCompensation(state, natres, { ...body, areaMu: 1 }, now),
      now,
      () => {},
    );
    expect(() => checkAcceptCompensation(state, natres, { ...body, areaMu: 1 }, now)).toThrow(/已入库/);
  });

  it('a temporary use takes the reclamation term its request came with (land.temporary-use-years); earlier ones keep theirs', () => {
    const { state, emit } = run();
    const body = checkRequestOccupation(state, natres, {
      project: '输电线路施工便道',
      townCode: 'town-daba',
      areaMu: 2,
      grade: 8,
      kind: 'temporary',
    });
    const before = requestOccupation(state, natres, body, at('2019-05-06T09:00:00'), emit);
    const after = requestOccupation(state, natres, body, at('2019-05-07T09:00:00'), emit, 3);
    expect(before.reclamation?.deadline).toBe('2021-05-06');
    expect(after.reclamation?.deadline).toBe('2022-05-07');
    expect(state.ledger.temporary.map((o) => o.reclamation?.deadline)).toEqual(['2021-05-06', '2022-05-07']);
  });
});
