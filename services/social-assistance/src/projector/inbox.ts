// The open steps of purchases and cases in the shared inbox (我的待办), for the unit that must act:
// this module writes only `process: 'social-assistance'` entries and removes them when done.
import {
  CASE_STEPS,
  CIVIL,
  FINANCE,
  PAYMENT_PARTS,
  SA_DOC_NO,
  caseOwner,
  type CaseSnapshot,
  type PurchaseSnapshot,
} from '@duban/workflow-social-assistance/client';
import { ReadModels, inboxEntryId, type Colour, type InboxDoc } from '@duban/contracts';
import type { Db } from 'mongodb';

export const PROCESS = 'social-assistance';
const inbox = (db: Db) => db.collection<InboxDoc>(ReadModels.inbox);

export interface OpenStep {
  unitCode: string;
  step: string;
  stepLabel: string;
  ref: string;
  deadline: string | null;
  colour: Colour;
}

/** Who owes what in a purchase: 民政局 the plan and evaluations, 财政局 payments, the provider the rest. */
export function purchaseSteps(p: PurchaseSnapshot): OpenStep[] {
  if (p.stage === 'ended') return [];
  const open: OpenStep[] = [];
  const provider = p.provider?.code ?? '';
  for (const s of p.steps.filter((x) => !x.doneOn)) {
    if (s.key === 'funds') continue; // the first payment below stands for it
    const unitCode = s.key === 'dispatch' ? provider : CIVIL;
    if (unitCode)
      open.push({ unitCode, step: s.key, stepLabel: s.label, ref: s.ref, deadline: s.due, colour: s.colour });
  }
  for (const x of p.payments.filter((y) => y.due && !y.paidOn && !y.held))
    open.push({
      unitCode: FINANCE,
      step: `pay-${x.key}`,
      stepLabel: `拨付第${x.serviceYear}年度经费${PAYMENT_PARTS[x.part].share}（${x.amountYuan} 元）`,
      ref: '六(四)',
      deadline: x.due,
      colour: x.colour,
    });
  const rect = p.rectifications.find((r) => !r.doneOn);
  if (rect && provider)
    open.push({
      unitCode: provider,
      step: `rectify-${rect.evaluationKey}`,
      stepLabel: `${rect.evaluationKey} 评估不合格，整改`,
      ref: '七(三)、五(六)',
      deadline: rect.due,
      colour: rect.colour,
    });
  const ev = p.evaluations.find((e) => !e.passedOn);
  if (ev && !rect)
    open.push({
      unitCode: CIVIL,
      step: `evaluate-${ev.key}`,
      stepLabel: `牵头第${ev.serviceYear}年度${ev.half === 1 ? '中期' : '末期'}综合评估（半年期至 ${ev.periodEnd}）`,
      ref: '七(三)',
      deadline: ev.due,
      colour: ev.colour,
    });
  return open;
}

/** The awaited step of a case, in its owner's inbox (the officer's, 民政局's or the town's). */
export function caseSteps(c: CaseSnapshot): OpenStep[] {
  if (!c.step) return [];
  const s = CASE_STEPS[c.step];
  return [
    {
      unitCode: caseOwner(c, c.step),
      step: c.step,
      stepLabel: s.label,
      ref: s.ref,
      deadline: c.due,
      colour: c.colour,
    },
  ];
}

export async function syncInbox(
  db: Db,
  itemId: string,
  open: OpenStep[],
  entry: { href: string; title: string },
  at: Date,
): Promise<void> {
  const rows = open.map((s) => ({ ...s, _id: inboxEntryId(PROCESS, itemId, s.step, s.unitCode) }));
  await inbox(db).deleteMany({
    process: PROCESS,
    itemId,
    ...(rows.length ? { _id: { $nin: rows.map((s) => s._id) } } : {}),
  });
  for (const s of rows) {
    const doc: InboxDoc = {
      ...s,
      process: PROCESS,
      itemId,
      role: 'lead',
      docNo: SA_DOC_NO,
      ...entry,
      updatedAt: at,
    };
    await inbox(db).replaceOne({ _id: s._id }, doc, { upsert: true });
  }
}
