import type { CloudEvent } from '@duban/contracts';
import { ReadModels, inboxEntryId, type InboxDoc } from '@duban/contracts';
import { upsertNewer } from '@duban/store';
import { unitByCode } from '@duban/units';
import {
  GOV_INSPECTION,
  PQ_DOC_NO,
  ProjectQualityEvents,
  type UnitYearSnapshot,
} from '@duban/workflow-project-quality/client';
import type { Db } from 'mongodb';
import { unitYears } from '../collections';
import { syncReportInbox } from './inbox';

/** The facts of the units' reporting years: each carries the unit's year after it. */
export const handles = [
  ProjectQualityEvents.UnitYearOpened,
  ProjectQualityEvents.MonthlyReportFiled,
  ProjectQualityEvents.ReportColourChanged,
  ProjectQualityEvents.TalkListed,
  ProjectQualityEvents.UnitYearClosed,
];

export const unitYearHref = (unitCode: string, year: number) => `#/project-quality/units/${unitCode}/${year}`;
type Data = { unitYear: UnitYearSnapshot; quarter?: string; figures?: string } & Record<string, unknown>;

/**
 * Upserts the year by version, and the unit's reports owed in 我的待办 with it. A 约谈 listing (二(三), 市政府督查室牵头) is an item in 督查室's queue
 * (我的待办), once per unit and quarter.
 */
export const onFact = (db: Db) => async (event: CloudEvent<string, Data>) => {
  const at = new Date(event.time);
  const y = event.data.unitYear;
  // The inbox follows the newest year only: an older fact redelivered leaves it as it is.
  if (await upsertNewer(unitYears(db), { ...y, _id: `${y.unitCode}-${y.year}`, updatedAt: at }))
    await syncReportInbox(db, y, unitYearHref(y.unitCode, y.year), at);
  if (event.type === ProjectQualityEvents.TalkListed.type && event.data.quarter) {
    const itemId = `${y.unitCode}-${event.data.quarter}`;
    const entry: InboxDoc = {
      _id: inboxEntryId('project-quality', itemId, 'talk', GOV_INSPECTION),
      process: 'project-quality',
      itemId,
      unitCode: GOV_INSPECTION,
      role: 'lead',
      step: 'talk',
      stepLabel: `约谈：${event.data.figures ?? ''}`,
      href: unitYearHref(y.unitCode, y.year),
      docNo: PQ_DOC_NO,
      ref: '二(三)',
      title: `${unitByCode(y.unitCode)?.shortName ?? y.unitCode} 重点项目连续2季度排名末位（${event.data.quarter}）`,
      deadline: null,
      colour: 'red',
      updatedAt: at,
    };
    await db
      .collection<InboxDoc>(ReadModels.inbox)
      .updateOne({ _id: entry._id }, { $setOnInsert: entry }, { upsert: true });
  }
};
