// A unit's monthly reports in the shared inbox (我的待办, 四(三)): each month in its warning window or
// past its day unreported (blue, red), and the next one coming (green), so the unit always sees its
// next report day. A report filed takes its month out; a closed year leaves nothing to do. Only
// this process's report entries are touched (the 约谈 items of 督查室 are the facts module's).
import { ReadModels, inboxEntryId, type InboxDoc } from '@duban/contracts';
import { unitByCode } from '@duban/units';
import { PQ_DOC_NO, type UnitYearSnapshot } from '@duban/workflow-project-quality/client';
import type { Db } from 'mongodb';

const PROCESS = 'project-quality';
type Entry = Pick<InboxDoc, 'step' | 'stepLabel' | 'deadline' | 'colour'>;

/** The months the unit still owes: every blue or red one, and the first green one still to come. */
export function reportEntries(y: UnitYearSnapshot): Entry[] {
  if (y.closed) return [];
  const open = y.months.filter((s) => !s.reportedOn).sort((a, b) => a.month - b.month);
  const next = open.find((s) => s.colour === 'green' || s.colour === 'none');
  return open
    .filter((s) => s === next || s.colour === 'blue' || s.colour === 'red')
    .map((s) => ({
      step: `report-${s.month}`,
      stepLabel: s.colour === 'red' ? `${s.month}月工作情况逾期未报送` : `报送${s.month}月工作情况及项目进展`,
      deadline: s.due,
      colour: s.colour,
    }));
}

/** Replaces the unit's report entries of the year by those it owes now. */
export async function syncReportInbox(db: Db, y: UnitYearSnapshot, href: string, at: Date): Promise<void> {
  const inbox = db.collection<InboxDoc>(ReadModels.inbox);
  const itemId = `${y.unitCode}-${y.year}`;
  const entries = reportEntries(y);
  const keep = entries.map((e) => inboxEntryId(PROCESS, itemId, e.step, y.unitCode));
  await inbox.deleteMany({ process: PROCESS, itemId, _id: { $nin: keep } });
  const unit = unitByCode(y.unitCode)?.shortName ?? y.unitCode;
  for (const [i, e] of entries.entries()) {
    const doc: InboxDoc = {
      _id: keep[i]!,
      process: PROCESS,
      itemId,
      unitCode: y.unitCode,
      role: 'lead',
      href,
      docNo: PQ_DOC_NO,
      ref: '四(三)',
      title: `${unit} ${y.year}年每月工作情况报发改局（每月报送日前）`,
      updatedAt: at,
      ...e,
    };
    await inbox.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
