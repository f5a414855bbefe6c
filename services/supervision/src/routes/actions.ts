import { z } from 'zod';
import {
  ActionBodies,
  ActionNameSchema,
  actionRoles,
  SupervisionGrants,
  supervisionWorkflowId,
  type ActionCommand,
  type ActionName,
  type ItemDoc,
} from '@duban/workflow-supervision/client';
import { ReadModels } from '@duban/contracts';
import { itemActionUpdate, itemSnapshotQuery } from '@duban/workflow-supervision';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  actorOf,
  defineRoute,
  HttpProblem,
  problems,
  sendUpdate,
  type Principal,
  type ProcessRouteContext,
  type Route,
} from '@duban/http';
import { completeLifecycleBody } from './lifecycle';
import { mayRead } from './queries';
import { ItemIdParams, ItemSnapshotView } from './schemas';

const ACTION_SUMMARIES: Record<ActionName, string> = {
  sign: '签收',
  progress: '报送进展',
  'request-close': '申请办结',
  'request-extension': '申请延期',
  review: '复核',
  close: '销号（办结）',
  return: '退回',
  'decide-extension': '审批延期',
  instruct: '批示',
  'complete-milestone': '报送节点完成',
  urge: '催办',
  'answer-urge': '反馈催办',
  'request-handback': '申请转办（退回督查室）',
  reassign: '改派',
  'refuse-handback': '不同意转办',
  'assign-handler': '指定承办人',
};

const ActionResult = z.object({ item: ItemSnapshotView });

export function actionRoutes(ctx: ProcessRouteContext): Route[] {
  const items = ctx.db.collection<ItemDoc>(ReadModels.items);
  const handleOf = (itemId: string) => ctx.temporal.workflow.getHandle(supervisionWorkflowId(itemId));

  /** A bureau acts only on items its unit leads or co-operates on; nothing is sent otherwise. */
  async function checkUnit(itemId: string, user: Principal): Promise<void> {
    let units: Pick<ItemDoc, 'leadUnits' | 'cooperatingUnits'> | null = await items.findOne(
      { _id: itemId },
      { projection: { leadUnits: 1, cooperatingUnits: 1 } },
    );
    if (!units) {
      // Just imported and not projected yet: the workflow itself knows the units.
      try {
        units = await handleOf(itemId).query(itemSnapshotQuery);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) throw problems.notFound(`没有事项 ${itemId}`);
        throw error;
      }
    }
    if (!mayRead(user, units)) {
      throw problems.forbidden(`事项 ${itemId} 不是本单位（${user.unitCode}）牵头或配合的事项`);
    }
  }

  async function act(action: ActionName, itemId: string, body: unknown, user: Principal, requestId: string) {
    if (user.role === 'bureau') await checkUnit(itemId, user);
    const command = {
      action,
      actor: actorOf(user, requestId),
      body: await completeLifecycleBody(ctx, action, body, user),
    } as ActionCommand;
    try {
      return await sendUpdate(ctx, handleOf(itemId), itemActionUpdate, {
        args: [command],
        action,
        requestId,
        missing: `事项 ${itemId} 没有运行中的工作流`,
      });
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 404) {
        const doc = await items.findOne({ _id: itemId }, { projection: { state: 1 } });
        if (doc?.state === 'closed') throw problems.conflict('事项已销号，不能再操作');
      }
      throw error;
    }
  }

  const routes = ActionNameSchema.options.map((action) =>
    defineRoute({
      method: 'post',
      path: `/items/:id/actions/${action}`,
      operationId: `action_${action.replace(/-/g, '_')}`,
      summary: ACTION_SUMMARIES[action],
      description:
        '以 Temporal Update 发给事项的工作流：接受则返回新的事项状态，拒绝则返回 409 及工作流给出的理由。' +
        (actionRoles(action).includes('bureau') ? '责任单位只能对本单位牵头或配合的事项操作。' : ''),
      tags: ['actions'],
      access: SupervisionGrants[action],
      params: ItemIdParams,
      body: ActionBodies[action].meta({ id: `${pascal(action)}Body` }),
      responses: { 200: { description: '已接受：事项的新状态', schema: ActionResult } },
      problems: {
        404: '没有这个事项',
        409: '工作流拒绝（状态不允许、单位不符等），detail 为理由',
        503: '工作流引擎暂不可用',
        504: '工作流未按时答复',
      },
      handler: async ({ params, body, user, requestId, res }) => {
        const item = await act(action, params.id, body, user, requestId);
        res.json({ item });
      },
    }),
  );

  // Any other action name: a 400 naming `params.action`, before anything else happens.
  const unknownAction = defineRoute({
    method: 'post',
    path: '/items/:id/actions/:action',
    operationId: 'unknownAction',
    summary: '未知操作',
    hidden: true,
    tags: ['actions'],
    access: 'user',
    params: z.object({ id: z.string(), action: ActionNameSchema }),
    responses: {},
    handler: () => {
      throw problems.notFound('没有这个操作');
    },
  });
  return [...routes, unknownAction];
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, _sep: string, c: string) => c.toUpperCase());
}
