import type { CloudEvent } from '@duban/contracts';
import { upsertNewer } from '@duban/store';
import {
  ASSISTANCE_KINDS,
  SocialAssistanceEvents,
  type CaseSnapshot,
  type PurchaseSnapshot,
} from '@duban/workflow-social-assistance/client';
import type { Db } from 'mongodb';
import { cases, purchases, timeline } from '../collections';
import { caseSteps, purchaseSteps, syncInbox } from './inbox';
import { summaryOf } from './summary';

/** Every fact of the process: each carries the purchase or the case after it. */
export const handles = Object.values(SocialAssistanceEvents);

type Data = { purchase?: PurchaseSnapshot; case?: CaseSnapshot } & Record<string, unknown>;

export const purchaseHref = (id: string) => `#/social-assistance/purchases/${encodeURIComponent(id)}`;
export const caseHref = (id: string) => `#/social-assistance/cases/${encodeURIComponent(id)}`;

/** Upserts by version; the inbox follows; each fact once in `sa_timeline`. */
export const onFact = (db: Db) => async (event: CloudEvent<string, Data>) => {
  const at = new Date(event.time);
  const { purchase: p, case: c } = event.data;
  const itemId = p?.purchaseId ?? c?.caseId ?? '';
  const version = p?.version ?? c?.version ?? 0;
  if (p && (await upsertNewer(purchases(db), { ...p, _id: p.purchaseId, updatedAt: at })))
    await syncInbox(
      db,
      p.purchaseId,
      purchaseSteps(p),
      {
        href: purchaseHref(p.purchaseId),
        title: `购买社会救助服务（${p.year}年，${p.provider?.name ?? '承接主体待定'}）`,
      },
      at,
    );
  if (c && (await upsertNewer(cases(db), { ...c, _id: c.caseId, updatedAt: at })))
    await syncInbox(
      db,
      c.caseId,
      caseSteps(c),
      {
        href: caseHref(c.caseId),
        title: `社会救助申请：${c.household.applicant}（${ASSISTANCE_KINDS[c.household.kind]}，${c.household.village}）`,
      },
      at,
    );
  const fact = event.type.split('.').at(-2) ?? event.type;
  await timeline(db).updateOne(
    { _id: event.id },
    {
      $setOnInsert: {
        _id: event.id,
        itemId,
        version,
        fact,
        summary: summaryOf(fact, event.data),
        at,
        actor: { userId: event.actorid ?? null, unitCode: event.actorunit ?? null },
      },
    },
    { upsert: true },
  );
};
