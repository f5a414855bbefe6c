// 自然资源局's open land-use steps in the shared inbox (我的待办): this module writes only
// `process: 'land-use'` entries and removes them when the step is done.
import {
  CaseSteps,
  LandKinds,
  LU_DOC_NO,
  type LandCaseSnapshot,
  type Occupation,
} from '@duban/workflow-land-use/client';
import { ReadModels, inboxEntryId, type InboxDoc } from '@duban/contracts';
import type { Db } from 'mongodb';
import { openStepOf } from '../../../steps';
import { townName } from '../../../towns';

const inbox = (db: Db) => db.collection<InboxDoc>(ReadModels.inbox);
const NATRES = 'natres';

/** A temporary occupation awaiting reclamation (复垦) until it is confirmed. */
export async function syncReclamationInbox(db: Db, o: Occupation, at: Date): Promise<void> {
  const _id = inboxEntryId('land-use', o.occupationId, 'reclamation', NATRES);
  if (o.kind !== 'temporary' || o.state !== 'approved' || !o.reclamation) {
    await inbox(db).deleteOne({ _id });
    return;
  }
  const doc: InboxDoc = {
    _id,
    process: 'land-use',
    itemId: o.occupationId,
    unitCode: NATRES,
    role: 'lead',
    step: 'reclamation',
    stepLabel: '临时用地复垦验收',
    href: `#/land/occupations/${o.occupationId}`,
    docNo: LU_DOC_NO,
    ref: '二(三)',
    title: `临时用地复垦：${o.project}（${townName(o.townCode) ?? o.townCode}，${o.areaMu} 亩）`,
    deadline: o.reclamation.deadline,
    colour: o.reclamation.colour,
    updatedAt: at,
  };
  await inbox(db).replaceOne({ _id }, doc, { upsert: true });
}

/**
 * A major case to expose (二(七) 并予以曝光) once its 处罚决定 is made, until it is exposed: beside
 * the next step, since 结案 waits for it.
 */
const exposureOpen = (c: LandCaseSnapshot): boolean =>
  c.exposureRequired === true && !c.exposure && (c.step === 'decided' || c.step === 'rectified');

/** The case's open step (and its exposure, when due); the entries of earlier steps go. */
export async function syncCaseInbox(db: Db, c: LandCaseSnapshot, at: Date): Promise<void> {
  const next = openStepOf(c);
  const open: { step: string; label: string }[] = [];
  if (next) open.push({ step: next, label: `违法占地案件${CaseSteps[next]}` });
  if (exposureOpen(c)) open.push({ step: 'exposure', label: '重大典型违法案件曝光' });
  const keep = open.map((o) => inboxEntryId('land-use', c.caseId, o.step, NATRES));
  await inbox(db).deleteMany({ process: 'land-use', itemId: c.caseId, _id: { $nin: keep } });
  const title = `${c.major ? '【挂牌督办】' : ''}违法占地案件 ${c.facts.parcelNo}（${townName(c.facts.townCode) ?? c.facts.townCode}，${LandKinds[c.facts.landKind]} ${c.facts.areaMu} 亩，${c.facts.party}）`;
  for (const [i, o] of open.entries()) {
    const doc: InboxDoc = {
      _id: keep[i]!,
      process: 'land-use',
      itemId: c.caseId,
      unitCode: NATRES,
      role: 'lead',
      step: o.step,
      stepLabel: o.label,
      href: `#/land/cases/${c.caseId}`,
      docNo: LU_DOC_NO,
      ref: '二(七)',
      title,
      deadline: c.deadline,
      colour: c.colour,
      updatedAt: at,
    };
    await inbox(db).replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
