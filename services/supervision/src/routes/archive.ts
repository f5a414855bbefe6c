// 归档 (issue 23, point 6): 督查室 archives a closed item (a fact, published by the item's archive
// workflow: attributable, once), and anyone who may read the item downloads its record as one xlsx.
import { z } from 'zod';
import { ReadModels, type TimelineDoc } from '@duban/contracts';
import {
  actorOf,
  defineRoute,
  problems,
  startWorkflowOnce,
  type ProcessRouteContext,
  type Route,
  XLSX,
  sendXlsx,
} from '@duban/http';
import {
  SUPERVISION_TASK_QUEUE,
  SupervisionGrants,
  supervisionArchiveWorkflowId,
  type ItemDoc,
  type ItemSnapshot,
} from '@duban/workflow-supervision';
import { archiveWorkbook, beijingTime } from '../archive/workbook';
import { mayRead } from './queries';
import { ItemIdParams, ItemSnapshotView } from './schemas';

export function archiveRoutes(ctx: ProcessRouteContext): Route[] {
  const items = ctx.db.collection<ItemDoc>(ReadModels.items);
  const timeline = ctx.db.collection<TimelineDoc>(ReadModels.timeline);
  const alreadyArchived = (item: Pick<ItemDoc, 'archived'>) =>
    problems.conflict(
      `事项已于 ${beijingTime(item.archived?.at)} 由${item.archived?.byName ?? '督查室'}归档，不能重复归档`,
    );

  return [
    defineRoute({
      method: 'post',
      path: '/items/:id/archive',
      operationId: 'archiveItem',
      summary: '归档',
      description:
        '已销号的事项归档一次：记为事实（谁、何时），归档后仍可检索（列表 archived=true），可下载归档包。',
      tags: ['items'],
      access: SupervisionGrants.archive,
      params: ItemIdParams,
      responses: {
        200: { description: '已归档：事项的新状态', schema: z.object({ item: ItemSnapshotView }) },
      },
      problems: { 404: '没有这个事项', 409: '尚未销号，或已归档' },
      handler: async ({ params, user, requestId, res }) => {
        const doc = await items.findOne({ _id: params.id });
        if (!doc) throw problems.notFound(`没有事项 ${params.id}`);
        if (doc.state !== 'closed') throw problems.conflict('事项尚未销号（办结），不能归档');
        if (doc.archived) throw alreadyArchived(doc);
        const { _id, updatedAt: _at, latestProgress: _progress, ...item } = doc;
        const workflowId = supervisionArchiveWorkflowId(params.id);
        const started = await startWorkflowOnce(ctx.temporal, {
          type: 'supervisionArchiveWorkflow',
          taskQueue: ctx.taskQueue ?? SUPERVISION_TASK_QUEUE,
          workflowId,
          input: { item, actor: actorOf(user, requestId) },
        });
        // Archived by another request between the read and the start: its fact stands.
        if (!started) throw alreadyArchived(doc);
        const archived = (await ctx.temporal.workflow.getHandle(workflowId).result()) as ItemSnapshot;
        res.json({ item: archived });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/items/:id/archive.xlsx',
      operationId: 'downloadItemArchive',
      summary: '下载归档包（xlsx）',
      description: '事项、时间线、附件清单、催办四张表。只有已归档的事项有归档包。',
      tags: ['items'],
      access: 'user',
      params: ItemIdParams,
      responses: { 200: { description: 'xlsx 文件', contentType: XLSX, schema: z.string() } },
      problems: { 404: '没有这个事项', 409: '尚未归档' },
      handler: async ({ params, user, res }) => {
        const item = await items.findOne({ _id: params.id });
        if (!item) throw problems.notFound(`没有事项 ${params.id}`);
        if (!mayRead(user, item)) throw problems.forbidden(`事项 ${params.id} 不是本单位牵头或配合的事项`);
        if (!item.archived) throw problems.conflict('事项尚未归档');
        const steps = await timeline.find({ itemId: params.id }).toArray();
        const file = await archiveWorkbook(item, steps);
        sendXlsx(res, file, `archive-${params.id}.xlsx`, `督办事项归档-${item.docNo}${item.ref}.xlsx`);
      },
    }),
  ];
}
