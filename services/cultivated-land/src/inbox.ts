// 我的待办 for this process: each bureau module keeps its own units' entries in the shared inbox
// (ReadModels.inbox, `process: 'cultivated-land'`), from its own consumer, and removes an entry
// once its step is done.
import { ReadModels, inboxEntryId, type CloudEvent, type InboxDoc } from '@duban/contracts';
import { type AssessmentSnapshot, type RectificationSnapshot } from '@duban/workflow-cultivated-land/client';
import type { Db } from 'mongodb';
import { inboxVersions } from './collections';

const PROCESS = 'cultivated-land' as const;

type Entry = Omit<InboxDoc, 'updatedAt'>;

/** The open steps of a town's rectification, for the unit that acts and the units that join. */
export function rectificationEntries(r: RectificationSnapshot): Entry[] {
  if (r.phase === 'closed') return [];
  const title = `${r.townName}永久基本农田划定成果核实整改（${r.campaignId}）`;
  return r.steps
    .filter((s) => s.state === 'open')
    .flatMap((s) =>
      [
        { unitCode: s.unitCode, role: 'lead' as const },
        ...s.withUnits.map((u) => ({ unitCode: u, role: 'cooperating' as const })),
      ].map(({ unitCode, role }) => ({
        _id: inboxEntryId(PROCESS, r.rectificationId, s.key, unitCode),
        process: PROCESS,
        itemId: r.rectificationId,
        unitCode,
        role,
        step: s.key,
        stepLabel: role === 'lead' ? s.title : `会同：${s.title}`,
        href: `#/land/rectifications/${encodeURIComponent(r.rectificationId)}`,
        docNo: r.docNo,
        ref: s.ref,
        title,
        deadline: s.deadline,
        colour: s.colour,
      })),
    );
}

/**
 * The open step of a town's assessment; 农业农村局 and 统计局 join the assessment (三(九)), which the
 * city (政府督查室, `gov-inspection`) decides since patch `cl-28-3-10-city-assesses`.
 */
export function assessmentEntries(a: AssessmentSnapshot): Entry[] {
  const step = a.openStep;
  if (a.phase === 'closed' || !step) return [];
  const joining = step.key === 'assess' ? ['agri', 'stats'] : [];
  return [
    { unitCode: step.unitCode, role: 'lead' as const },
    ...joining.map((u) => ({ unitCode: u, role: 'cooperating' as const })),
  ].map(({ unitCode, role }) => ({
    _id: inboxEntryId(PROCESS, a.assessmentId, step.key, unitCode),
    process: PROCESS,
    itemId: a.assessmentId,
    unitCode,
    role,
    step: step.key,
    stepLabel: role === 'lead' ? step.title : `参与考核：${step.title}`,
    href: `#/land/assessments/${encodeURIComponent(a.assessmentId)}`,
    docNo: a.docNo,
    ref: a.ref,
    title: `${a.townName}${a.year}年度耕地保护责任目标考核`,
    deadline: step.deadline,
    colour: a.colour,
  }));
}

/**
 * Makes this module's entries of one thing match the snapshot the event carries, if it is newer
 * than the last one the module applied. `owns` picks the units the module answers for.
 */
export function inboxHandler(db: Db, module: string, owns: (unitCode: string) => boolean) {
  return async (
    event: CloudEvent<string, { rectification?: RectificationSnapshot; assessment?: AssessmentSnapshot }>,
  ): Promise<void> => {
    const { rectification: r, assessment: a } = event.data;
    const itemId = r ? r.rectificationId : a!.assessmentId;
    const version = (r ?? a)!.version;
    const seen = await inboxVersions(db).findOne({ _id: `${module}|${itemId}` });
    if (seen && seen.version >= version) return;
    const wanted = (r ? rectificationEntries(r) : assessmentEntries(a!)).filter((e) => owns(e.unitCode));
    const inbox = db.collection<InboxDoc>(ReadModels.inbox);
    const mine = (await inbox.find({ process: PROCESS, itemId }).toArray()).filter((e) => owns(e.unitCode));
    const keep = new Set(wanted.map((e) => e._id));
    const stale = mine.filter((e) => !keep.has(e._id)).map((e) => e._id);
    if (stale.length) await inbox.deleteMany({ _id: { $in: stale } });
    const updatedAt = new Date(event.time);
    for (const entry of wanted)
      await inbox.replaceOne({ _id: entry._id }, { ...entry, updatedAt }, { upsert: true });
    await inboxVersions(db).replaceOne({ _id: `${module}|${itemId}` }, { version }, { upsert: true });
  };
}
