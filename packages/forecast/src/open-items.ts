import type { Db } from 'mongodb';
import { ReadModels } from '@duban/contracts';
import type { ItemDoc, StartItem } from '@duban/workflow-supervision/client';
import type { SimulatedStart } from './agenda';

type Row = Pick<
  ItemDoc,
  | 'itemId'
  | 'docNo'
  | 'ref'
  | 'title'
  | 'leadUnits'
  | 'subTasks'
  | 'deadline'
  | 'milestones'
  | 'reporting'
  | 'state'
>;

export interface DocumentItems {
  /** Open items with a date: what the simulation starts. */
  dated: SimulatedStart[];
  /** Open items without any date: nothing of theirs can be late. */
  undated: { itemId: string; ref: string; title: string }[];
}

/**
 * The open part of each open item of a document, as a start input: its open milestones and its
 * unfinished sub-tasks with their deadlines. Null when the read model has no open item of it.
 */
export async function openItemsOf(db: Db, docNo: string): Promise<DocumentItems | null> {
  const rows = await db
    .collection<Row>(ReadModels.items)
    .find({ docNo, state: { $ne: 'closed' } })
    .project<Row>({
      itemId: 1,
      docNo: 1,
      ref: 1,
      title: 1,
      leadUnits: 1,
      subTasks: 1,
      deadline: 1,
      milestones: 1,
      reporting: 1,
      state: 1,
    })
    .sort({ ref: 1 })
    .toArray();
  if (rows.length === 0) return null;
  const dated: SimulatedStart[] = [];
  const undated: DocumentItems['undated'] = [];
  for (const row of rows) {
    const item = startOf(row);
    if (item.deadline === null && !item.milestones?.length) {
      undated.push({ itemId: row.itemId, ref: row.ref, title: row.title });
    } else dated.push({ item });
  }
  return { dated, undated };
}

function startOf(row: Row): StartItem {
  const subTasks = row.subTasks.filter((s) => s.state !== 'done');
  const milestones = (row.milestones ?? []).filter((m) => m.doneAt === null);
  return {
    itemId: row.itemId,
    docNo: row.docNo,
    ref: row.ref,
    title: row.title,
    leadUnits: row.leadUnits,
    cooperatingUnits: subTasks.map((s) => s.unitCode),
    deadline: row.deadline,
    subTaskDeadlines: Object.fromEntries(
      subTasks.flatMap((s) => (s.deadline ? [[s.unitCode, s.deadline] as const] : [])),
    ),
    reporting: row.reporting,
    ...(milestones.length
      ? { milestones: milestones.map((m) => ({ key: m.key, date: m.date, phrase: m.phrase })) }
      : {}),
  };
}
