// Open steps of 引客入青 in the shared inbox (我的待办): the agency's claim in its window (with the
// window's colour), the counts each spot and hotel owes, and 旅游营销中心's review and settlement.
// This module writes only `process: 'tourism'` entries and removes them when the step is done.
import {
  MARKETING_CENTRE,
  TOURISM_DOC_NO,
  TRIP_KINDS,
  awaitedConfirmers,
  type SettlementSnapshot,
  type TripSnapshot,
} from '@duban/workflow-tourism';
import { inboxEntryId, ReadModels, type InboxDoc } from '@duban/contracts';
import type { Db } from 'mongodb';

const PROCESS = 'tourism';
/** The shared inbox; only this process's entries are touched. */
const inbox = (db: Db) => db.collection<InboxDoc>(ReadModels.inbox);

type Entry = Pick<InboxDoc, 'unitCode' | 'step' | 'stepLabel' | 'ref' | 'deadline' | 'colour'>;

function tripEntries(t: TripSnapshot): Entry[] {
  if (t.status === 'filed')
    return [
      {
        unitCode: t.agency.code,
        step: 'claim',
        stepLabel: '报送引客入青奖励申请',
        ref: t.kind === 'day' || t.kind === 'overnight' ? '三.4(4)' : '三.4(3)',
        deadline: t.claimDeadline,
        colour: t.colour,
      },
    ];
  if (t.status !== 'claimed') return [];
  const awaited = awaitedConfirmers(t);
  const counts = awaited.map((c) => ({
    unitCode: c.code,
    step: `confirm-${c.code}`,
    stepLabel: '核实接待人数',
    ref: '三.2',
    deadline: null,
    colour: 'green' as const,
  }));
  const review = {
    unitCode: MARKETING_CENTRE,
    step: 'review',
    stepLabel: awaited.length ? '审核申请（待景区、宾馆核实人数）' : '审核申请',
    ref: '三.2',
    deadline: null,
    colour: 'green' as const,
  };
  return [...counts, review];
}

async function sync(db: Db, itemId: string, entries: Entry[], title: string, href: string, at: Date) {
  const keep = entries.map((e) => inboxEntryId(PROCESS, itemId, e.step, e.unitCode));
  await inbox(db).deleteMany({ process: PROCESS, itemId, _id: { $nin: keep } });
  for (const [i, e] of entries.entries()) {
    const doc: InboxDoc = {
      _id: keep[i]!,
      process: PROCESS,
      itemId,
      role: 'lead',
      href,
      docNo: TOURISM_DOC_NO,
      title,
      updatedAt: at,
      ...e,
    };
    await inbox(db).replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}

export function syncTripInbox(db: Db, t: TripSnapshot, at: Date): Promise<void> {
  const title = `${TRIP_KINDS[t.kind]} ${t.tripId}：${t.agency.name}，${t.arrival} 抵达，${t.headCount} 人`;
  return sync(db, t.tripId, tripEntries(t), title, `#/tourism/trips/${t.tripId}`, at);
}

export function syncSettlementInbox(db: Db, s: SettlementSnapshot, at: Date): Promise<void> {
  const entries: Entry[] =
    s.status === 'due'
      ? [
          {
            unitCode: MARKETING_CENTRE,
            step: 'settle',
            stepLabel: '年底结算',
            ref: '三.4',
            deadline: null,
            colour: 'green',
          },
        ]
      : [];
  const title = `${s.agency.name} ${s.year} 年度引客入青奖励结算`;
  return sync(db, s.settlementId, entries, title, `#/tourism/settlements/${s.settlementId}`, at);
}
