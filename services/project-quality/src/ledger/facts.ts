// The ledger (四(三) 销号台账) and 统计局's figure are kept by bureaus, not by a workflow: their routes
// publish each change as a fact and the projection alone writes the read models (a rebuild from
// the stream restores them). A route answers once its fact is projected, so what 发改局 or 统计局
// reads next already shows it.
import { HttpProblem, type Principal, type ProcessRouteContext } from '@duban/http';
import type { EventData, EventType } from '@duban/contracts';

const SOURCE = 'duban/services/project-quality';

/** Publishes one fact attributed to `user`, its unit and request; resolves with its stream sequence. */
export async function publishFact<T extends EventType>(
  ctx: ProcessRouteContext,
  who: { user: Principal; requestId: string },
  fact: { type: T; id: string; subject: string; data: EventData<T> },
): Promise<number> {
  if (!ctx.publish) throw new HttpProblem(503, '消息总线不可用，未作更改');
  const { sequence } = await ctx.publish({
    ...fact,
    source: SOURCE,
    time: ctx.now().toISOString(),
    actorId: who.user.username,
    ...(who.user.unitCode ? { actorUnit: who.user.unitCode } : {}),
    ...(who.requestId ? { requestId: who.requestId } : {}),
  } as never);
  return sequence;
}

/** Waits (bounded) until `projected` holds; 504 when the projection lags too long (the fact stands). */
export async function untilProjected(projected: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await projected())) {
    if (Date.now() > deadline) throw new HttpProblem(504, '已记录，台账尚未更新完毕，请稍后刷新');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
