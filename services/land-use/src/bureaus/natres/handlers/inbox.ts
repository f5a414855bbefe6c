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

/** The case's one open step; the entries of earlier steps go. */
export async function syncCaseInbox(db: Db, c: LandCaseSnapshot, at: Date): Promise<void> {
  const next = openStepOf(c);
  const keep = next ? inboxEntryId('land-use', c.caseId, next, NATRES) : null;
  await inbox(db).deleteMany({
    process: 'land-use',
    itemId: c.caseId,
    ...(keep ? { _id: { $ne: keep } } : {}),
  });
  if (!next || !keep) return;
  const doc: InboxDoc = {
    _id: keep,
    process: 'land-use',
    itemId: c.caseId,
    unitCode: NATRES,
    role: 'lead',
    step: next,
    stepLabel: `违法占地案件${CaseSteps[next]}`,
    href: `#/land/cases/${c.caseId}`,
    docNo: LU_DOC_NO,
    ref: '二(七)',
    title: `${c.major ? '【挂牌督办】' : ''}违法占地案件 ${c.facts.parcelNo}（${townName(c.facts.townCode) ?? c.facts.townCode}，${LandKinds[c.facts.landKind]} ${c.facts.areaMu} 亩，${c.facts.party}）`,
    deadline: c.deadline,
    colour: c.colour,
    updatedAt: at,
  };
  await inbox(db).replaceOne({ _id: keep }, doc, { upsert: true });
}
