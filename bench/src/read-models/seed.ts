// The read models of a city after five years, written straight into the store as the supervision
// projector shapes them (ItemDoc, and its inbox entries by `inboxEntriesOf`): running 100,000
// workflows to get there would measure Temporal, not the reads.
import type { Db } from 'mongodb';
import { ReadModels, type Colour, type InboxDoc } from '@duban/contracts';
import type { ItemDoc, ItemState } from '@duban/workflow-supervision/client';
import { inboxEntriesOf } from '@duban/service-supervision';

export const UNITS = Array.from({ length: 200 }, (_, i) => `u${String(i + 1).padStart(3, '0')}`);
export const YEARS = [2019, 2020, 2021, 2022, 2023];
/** Words the titles are made of; a search for one finds about a tenth of the items. */
export const TITLE_WORDS = [
  '耕地保护',
  '幼儿园',
  '土地流转',
  '旅游',
  '项目质量',
  '社会救助',
  '农村道路',
  '河湖',
  '扶贫',
  '营商环境',
];
const OPEN_STATES: ItemState[] = ['assigned', 'signed', 'in_progress', 'close_requested'];

/** A deterministic pseudo-random sequence, so that two runs seed the same city. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

/** Item `i` of the city: older years mostly closed; open ones spread over the warning ladder. */
export function itemOf(i: number, next: () => number): ItemDoc {
  const year = YEARS[i % YEARS.length]!;
  const docNo = `青政办发〔${year}〕${1 + (Math.floor(i / 50) % 120)}号`;
  const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
  const deadline = next() < 0.1 ? null : `${year}-${month}-${day}`;
  const closed = next() < 0.3 + 0.1 * (YEARS.at(-1)! - year);
  const state: ItemState = closed ? 'closed' : pick(next, OPEN_STATES);
  const colour: Colour = closed
    ? 'none'
    : pick(next, ['red', 'yellow', 'blue', 'green', 'green', 'green'] as const);
  const leadUnits = [pick(next, UNITS)];
  if (next() < 0.2) leadUnits.push(pick(next, UNITS));
  const cooperatingUnits = next() < 0.5 ? [pick(next, UNITS), pick(next, UNITS)] : [];
  const at = new Date(`${year}-01-15T02:00:00Z`);
  const itemId = `city-${year}-${i}`;
  return {
    _id: itemId,
    itemId,
    docNo,
    ref: `${i % 9}.${i % 7}`,
    title: `${pick(next, TITLE_WORDS)}第${i}项：按通知要求推进并按月报送进展`,
    leadUnits: [...new Set(leadUnits)],
    cooperatingUnits: [...new Set(cooperatingUnits)].filter((u) => !leadUnits.includes(u)),
    state,
    colour,
    overallColour: colour,
    deadline,
    originalDeadline: deadline,
    deadlineHistory: [],
    reporting: { kind: 'monthly', dayOfMonth: 25, workingDaysOnly: false } as ItemDoc['reporting'],
    nextReportDue: closed ? null : `${year}-${month}-25`,
    reportMissing: false,
    lastProgressAt: at.toISOString(),
    pendingExtension: null,
    subTasks: cooperatingUnits.map((unitCode) => ({
      unitCode,
      state: closed ? 'done' : 'assigned',
      deadline,
      colour,
      lastProgressAt: null,
    })) as ItemDoc['subTasks'],
    redSince: colour === 'red' ? at.toISOString() : null,
    createdAt: at.toISOString(),
    closedAt: closed ? at.toISOString() : null,
    version: 3,
    updatedAt: at,
    latestProgress: { text: '已按要求推进，详见附件', at, unitCode: leadUnits[0]! },
  };
}

/** Writes `count` items and their inbox entries in batches; returns how many inbox entries. */
export async function seedCity(db: Db, count: number): Promise<{ inbox: number }> {
  const next = random(20190201);
  const items = db.collection<ItemDoc>(ReadModels.items);
  const inbox = db.collection<InboxDoc>(ReadModels.inbox);
  let entries = 0;
  for (let from = 0; from < count; from += 1000) {
    const batch: ItemDoc[] = [];
    for (let i = from; i < Math.min(count, from + 1000); i++) batch.push(itemOf(i, next));
    const inboxBatch = batch.flatMap((item) => inboxEntriesOf(item));
    await items.insertMany(batch, { ordered: false });
    if (inboxBatch.length) await inbox.insertMany(inboxBatch, { ordered: false });
    entries += inboxBatch.length;
  }
  return { inbox: entries };
}
