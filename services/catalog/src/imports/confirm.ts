// Confirming a draft: the catalog import, the removal flags, the new items started and the running
// items revised. Every step is idempotent, so a confirm cut off half-way is simply sent again.
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import { HttpProblem, updateProblem } from '@duban/http';
import {
  itemRevisionUpdate,
  supervisionWorkflowId,
  type ReviseCommand,
} from '@duban/workflow-supervision/client';
import { catalogCollections, importCatalog } from '../import';
import { startSupervisionItems, supervisionCandidates } from '../start';
import { milestonesFor } from '../start-item';
import type { ConfirmResult, RevisionOutcome } from './confirm-result';
import {
  draftsOf,
  draftText,
  previewOf,
  sourceNameOf,
  type ImportActor,
  type ImportDraftDoc,
  type Preview,
} from './drafts';

export const REMOVED_REASON = '修订版通知已删除此任务 (revised notice removed it)';

export interface ConfirmDeps {
  db: Db;
  temporal: Client;
  taskQueue?: string;
  escalateAfterRedDays?: number;
  parse?: Parameters<typeof previewOf>[2];
}

export interface ConfirmRequest {
  by: ImportActor & { requestId: string };
  /** Go on although unknown units leave tasks without a lead unit (they are not started). */
  proceed: boolean;
  now: Date;
}

async function revise(
  client: Client,
  draftId: string,
  itemId: string,
  command: ReviseCommand,
): Promise<RevisionOutcome> {
  const change = command.body.change;
  try {
    await client.workflow.getHandle(supervisionWorkflowId(itemId)).executeUpdate(itemRevisionUpdate, {
      args: [command],
      // One revision per draft and item, however often the confirm is sent.
      updateId: `revise:${draftId}:${itemId}`,
    });
    return { itemId, change, outcome: 'applied' };
  } catch (error) {
    const problem = updateProblem(error, itemId);
    if (problem?.status === 409) return { itemId, change, outcome: 'refused', detail: problem.detail };
    if (problem?.status === 404) return { itemId, change, outcome: 'no-item' };
    throw problem ?? error;
  }
}

export async function confirmDraft(
  deps: ConfirmDeps,
  draft: ImportDraftDoc,
  request: ConfirmRequest,
): Promise<ConfirmResult> {
  if (draft.confirmed) return draft.confirmed;
  const preview: Preview = await previewOf(deps.db, draft, deps.parse);
  const names = [...new Set(preview.blocking.flatMap((b) => b.names))];
  if (names.length > 0 && !request.proceed) {
    throw new HttpProblem(
      409,
      `未识别的单位使 ${preview.blocking.length} 项任务没有牵头单位：${names.join('、')}。` +
        '请先在单位管理中映射或新建这些单位，或确认仍要导入（这些任务不启动督办）',
      { extra: { unknownUnits: names, blocking: preview.blocking } },
    );
  }
  const { by } = request;
  const source = sourceNameOf(draft);
  const summary = await importCatalog(deps.db, preview.parsed, {
    source,
    sourceText: draftText(draft),
    importedBy: by.userId,
    now: request.now,
  });

  const tasks = catalogCollections(deps.db).tasks;
  const { diff } = preview;
  for (const r of diff.removed) {
    await tasks.updateOne(
      { _id: r.itemId },
      { $set: { removed: { at: request.now, reason: REMOVED_REASON, by: by.userId, source } } },
    );
  }
  for (const c of diff.changed.filter((c) => c.restored)) {
    await tasks.updateOne({ _id: c.itemId }, { $set: { removed: null } });
  }

  const started = await startSupervisionItems(
    deps.temporal,
    supervisionCandidates(preview.parsed.documents),
    {
      ...(deps.taskQueue ? { taskQueue: deps.taskQueue } : {}),
      ...(deps.escalateAfterRedDays !== undefined ? { escalateAfterRedDays: deps.escalateAfterRedDays } : {}),
    },
  );
  const startedNow = new Set(started.outcomes.filter((o) => o.outcome === 'started').map((o) => o.itemId));

  const actor = {
    userId: by.userId,
    name: by.name,
    role: by.role,
    requestId: by.requestId,
  } as ReviseCommand['actor'];
  const revisions: RevisionOutcome[] = [];
  const changed = diff.changed.filter((c) => !startedNow.has(c.itemId));
  const current = new Map(
    (await tasks.find({ _id: { $in: [...changed, ...diff.removed].map((t) => t.itemId) } }).toArray()).map(
      (t) => [t._id, t],
    ),
  );
  for (const c of changed) {
    const task = current.get(c.itemId);
    if (!task || task.lead.length === 0) continue; // no lead unit: no item to revise
    revisions.push(
      await revise(deps.temporal, draft._id, c.itemId, {
        actor,
        body: {
          change: 'revised',
          catalogVersion: task.version,
          title: task.title,
          leadUnits: [...new Set(task.lead.map((u) => u.code))],
          cooperatingUnits: [...new Set(task.cooperating.map((u) => u.code))],
          deadline: task.deadline,
          // Every date of the revised clause, so each milestone follows its own (none: one date).
          milestones: milestonesFor(task) ?? [],
          fields: c.restored ? [...c.fields, 'restored'] : c.fields,
          source,
        },
      }),
    );
  }
  for (const r of diff.removed) {
    const version = current.get(r.itemId)?.version ?? 1;
    revisions.push(
      await revise(deps.temporal, draft._id, r.itemId, {
        actor,
        body: { change: 'removed', catalogVersion: version, reason: REMOVED_REASON, source },
      }),
    );
  }

  const { outcomes: _outcomes, ...start } = started;
  const result: ConfirmResult = {
    at: request.now,
    by: { userId: by.userId, name: by.name, role: by.role, unitCode: by.unitCode },
    requestId: by.requestId,
    proceededDespite: names,
    diff,
    summary,
    start,
    revisions,
    items: preview.planned.flatMap((p) => p.tasks.map((t) => t._id)),
  };
  // The first confirm to finish is the answer of every later one.
  await draftsOf(deps.db).updateOne({ _id: draft._id, confirmed: null }, { $set: { confirmed: result } });
  return (await draftsOf(deps.db).findOne({ _id: draft._id }))?.confirmed ?? result;
}
