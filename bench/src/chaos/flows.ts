// The work the chaos run drives through the API: supervision items from 签收 to 销号 and
// kindergarten cases from 台账登记 to closed. Every action carries a request id fixed by the
// flow and the step, so a retry after a lost answer is the same request and acts at most once.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { SUPERVISION_TASK_QUEUE } from '@duban/workflow-supervision';
import { supervisionWorkflowId, type StartItem } from '@duban/workflow-supervision/client';
import type { Api } from './api';
import { sleep } from './stack';

/** The bureaus that lead the chaos items, in turn (each has its dev user). */
export const ITEM_UNITS = ['edu', 'fin', 'hous', 'natres', 'ndrc', 'civil', 'staffing'] as const;

export interface FlowTally {
  started: number;
  completed: number;
  /** Refusals (409) the flow did not expect: an action lost or applied twice would show here. */
  unexpected: string[];
}

export type Tokens = Record<string, string>;

/** One supervision item: started as the gazette import starts it, then four actions by API. */
export async function supervisionFlow(
  api: Api,
  temporal: () => Client,
  tokens: Tokens,
  run: string,
  n: number,
  tally: FlowTally,
  /** Another item id, and only the first `steps` actions (the run's probe item). */
  only?: { itemId: string; steps: number },
): Promise<void> {
  const unit = only ? 'edu' : ITEM_UNITS[n % ITEM_UNITS.length]!;
  const itemId = only?.itemId ?? `chaos-${run}-${n}`;
  const input: StartItem = {
    itemId,
    docNo: '青政办发〔2019〕31号',
    ref: `chaos.${n}`,
    title: `混沌演练事项 ${n}`,
    leadUnits: [unit],
    deadline: '2099-12-31',
  };
  // Items have no API of their own: the importer starts them. Retried the same way.
  for (;;) {
    try {
      await temporal().workflow.start('supervisionItemWorkflow', {
        taskQueue: SUPERVISION_TASK_QUEUE,
        workflowId: supervisionWorkflowId(itemId),
        args: [input],
      });
      break;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) break;
      await sleep(500);
    }
  }
  tally.started += 1;
  const steps: [string, string, unknown][] = [
    ['sign', `bureau-${unit}`, { note: '签收' }],
    ['progress', `bureau-${unit}`, { text: '正在办理', attachments: [] }],
    ['request-close', `bureau-${unit}`, { summary: '已办结', attachments: [] }],
    ['close', 'inspector', { opinion: '同意销号' }],
  ];
  for (const [action, user, body] of steps.slice(0, only?.steps ?? steps.length)) {
    const res = await api.send('POST', `/api/items/${itemId}/actions/${action}`, {
      token: tokens[user]!,
      body,
      requestId: `${itemId}-${action}`,
    });
    if (res.status === 200) continue;
    // `close` retried after its first answer was lost: the workflow has finished, the item is closed.
    if (action === 'close' && res.status === 409 && /已销号/.test(String(res.body.detail))) continue;
    tally.unexpected.push(`${itemId} ${action}: ${res.status} ${String(res.body.detail ?? '')}`);
    return;
  }
  tally.completed += 1;
}

interface StepView {
  key: string;
  unitCode: string;
  state: 'waiting' | 'open' | 'done';
}
interface CaseView {
  caseId: string;
  phase: string;
  steps: StepView[];
}

/** One kindergarten case: registered from a ledger row, then every open step by its bureau. */
export async function kindergartenFlow(
  api: Api,
  tokens: Tokens,
  campaignId: string,
  run: string,
  n: number,
  tally: FlowTally,
): Promise<void> {
  const created = await api.send<{ caseId?: string; detail?: string }>(
    'POST',
    `/api/campaigns/${campaignId}/cases`,
    {
      token: tokens['bureau-edu']!,
      requestId: `chaos-${run}-k${n}-open`,
      body: {
        projectName: `混沌演练小区${run}-${n}`,
        town: '小坝镇',
        developer: '宁夏某房地产开发有限公司',
        landTenure: 'allocated',
        plannedOn: '2012-05-01',
        builtOn: '2015-08-01',
        condition: 'not_handed_over',
        proposedCategory: 'handover',
        projectStatus: 'completed',
      },
    },
  );
  const caseId = created.body.caseId;
  if (!caseId) {
    tally.unexpected.push(`case ${n}: ${created.status} ${created.body.detail ?? ''}`);
    return;
  }
  tally.started += 1;
  const act = (action: string, unit: string, key: string, body: unknown) =>
    api.send<{ detail?: string }>('POST', `/api/cases/${encodeURIComponent(caseId)}/actions/${action}`, {
      token: tokens[`bureau-${unit}`]!,
      body,
      requestId: `chaos-${run}-k${n}-${key}`,
    });
  for (let round = 0; round < 200; round += 1) {
    const view = await api.send<{ case: CaseView }>('GET', `/api/cases/${encodeURIComponent(caseId)}`, {
      token: tokens['bureau-edu']!,
      requestId: `chaos-${run}-k${n}-read-${round}`,
    });
    const c = view.body.case;
    if (c.phase === 'closed') {
      tally.completed += 1;
      return;
    }
    const open = c.steps.filter((s) => s.state === 'open');
    const answers = [];
    for (const step of open) {
      // Two steps are done by their own action: the category (plan) and the operation mode.
      answers.push(
        step.key === 'plan'
          ? await act('plan', 'edu', 'plan', { category: 'handover', note: '如期移交' })
          : step.key === 'operation_decided'
            ? await act('operate', 'edu', 'operate', { mode: 'public' })
            : await act('complete-step', step.unitCode, step.key, { step: step.key, note: '已办' }),
      );
    }
    for (const a of answers) {
      if (a.status !== 200) tally.unexpected.push(`${caseId}: ${a.status} ${a.body.detail ?? ''}`);
    }
    // A step done in the rectification child reaches the case by signal a moment later.
    if (answers.length === 0) await sleep(200);
  }
  tally.unexpected.push(`${caseId}: not closed after 200 rounds`);
}
