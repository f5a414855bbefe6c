// What the service adds to a lifecycle action's body before the workflow sees it (issue 23): an
// urge's reply day from the policy setting, and a handling person checked against the unit's users.
import { addWorkingDays, civilDateOf } from '@duban/calendar';
import { policyNumber } from '@duban/policy/store';
import { problems, type Principal, type ProcessRouteContext } from '@duban/http';
import type { ActionName } from '@duban/workflow-supervision/client';

/** The gateway's user store (services/gateway/src/auth/users.ts): read only here. */
const USERS = 'users';

export async function completeLifecycleBody(
  ctx: ProcessRouteContext,
  action: ActionName,
  body: unknown,
  user: Principal,
): Promise<unknown> {
  const fields = body as Record<string, unknown>;
  if (action === 'urge' && fields.replyBy === undefined) {
    // The reply day is decided here and written into the Update, so the history holds it.
    const days = await policyNumber(ctx.db, 'supervision.urge-reply-working-days');
    return { ...fields, replyBy: addWorkingDays(civilDateOf(ctx.now()), days) };
  }
  if (action === 'assign-handler') {
    const handler = await ctx.db
      .collection<{ _id: string; name: string; role: string; unitCode?: string; disabledAt?: Date }>(USERS)
      .findOne({ _id: fields.handler as string });
    if (!handler || handler.role !== 'bureau' || handler.unitCode !== user.unitCode) {
      throw problems.invalid([
        { field: 'body.handler', message: `${String(fields.handler)} 不是本单位的用户` },
      ]);
    }
    if (handler.disabledAt) {
      throw problems.invalid([{ field: 'body.handler', message: `${handler._id} 已停用` }]);
    }
    return { ...fields, handlerName: fields.handlerName ?? handler.name };
  }
  return body;
}
