// Who may do what on a case, in which phase (DESIGN §7.2). The check functions are the Update
// validators: they refuse with a reason and change nothing.
import { CaseActionBodies, type CaseCommand, type StepSnapshot } from './contracts/index';
import { refuse } from '@duban/workflow-core/refusal';
import { reportingSteps, type CaseState } from './case';
import { categoryRefusal, operationRefusal, unitName } from './rules';

function parseBody(command: CaseCommand): Record<string, unknown> {
  const schema = CaseActionBodies[command.action];
  if (!schema) refuse(`未知操作：${String(command.action)}`);
  const body = schema.safeParse(command.body);
  if (!body.success)
    refuse(`参数错误：${body.error.issues.map((i) => `body.${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return body.data as Record<string, unknown>;
}

/** A bureau completing one of its own open steps. */
export function checkStepCompletion(steps: StepSnapshot[], command: CaseCommand): StepSnapshot {
  const { actor } = command;
  const { step: key } = command.body as { step: string };
  if (actor.role !== 'bureau') refuse(`角色 ${actor.role} 不能办理整改步骤`);
  const step = steps.find((s) => s.key === key);
  if (!step) return refuse(`当前阶段没有步骤 ${key}`);
  if (step.unitCode !== actor.unitCode)
    refuse(`步骤“${step.title}”由${unitName(step.unitCode)}办理，${unitName(actor.unitCode)}不能办理`);
  if (step.state === 'done') refuse(`步骤“${step.title}”已办结`);
  if (step.state === 'waiting') {
    const missing = step.after.filter((k) => steps.find((s) => s.key === k)?.state !== 'done');
    refuse(`步骤“${step.title}”须在 ${missing.join('、')} 办结后办理`);
  }
  return step;
}

/** The case workflow's validator. */
export function checkCaseAction(state: CaseState, command: CaseCommand): void {
  const c = state.case;
  const body = parseBody(command);
  const { actor } = command;
  if (c.phase === 'closed') refuse('个案已办结，不能再操作');
  switch (command.action) {
    case 'complete-step': {
      if (c.phase === 'rectifying') {
        const key = body.step as string;
        if (c.steps.some((s) => s.phase === 'rectifying' && s.key === key))
          refuse(
            c.rectificationWorkflowId === null
              ? '整改子流程正在启动，请稍后再试'
              : `整改步骤 ${key} 由整改子流程 ${c.rectificationWorkflowId} 办理`,
          );
      }
      if (c.phase === 'plan' && body.step === 'plan') refuse('整改方案请通过“plan”操作确定类别');
      if (c.phase === 'operation' && body.step === 'operation_decided')
        refuse('办园方式请通过“operate”操作确定');
      checkStepCompletion(
        c.steps.filter((s) => s.phase === c.phase),
        command,
      );
      return;
    }
    case 'plan': {
      if (actor.role !== 'bureau' || actor.unitCode !== 'edu') refuse('整改方案由教育局牵头制定（四(二)）');
      if (c.phase !== 'plan') refuse(c.phase === 'survey' ? '请先完成调查摸底' : '整改方案已确定');
      const reason = categoryRefusal(
        c.facts,
        body.category as never,
        state.recoveryRules ?? 'before-31-3-3',
        state.settings.guofa41Date,
      );
      if (reason) refuse(reason);
      return;
    }
    case 'operate': {
      if (actor.role !== 'bureau' || actor.unitCode !== 'edu') refuse('办园方式由教育局确定（三(四)）');
      if (c.phase !== 'operation' || c.operationMode !== null)
        refuse(c.operationMode ? '办园方式已确定' : '幼儿园尚未移交，不能确定办园方式');
      const reason = operationRefusal(c.category, body.mode as never);
      if (reason) refuse(reason);
      return;
    }
    case 'report-progress': {
      if (actor.role !== 'bureau') refuse('进展由办理步骤的责任单位报送');
      const keys = body.steps as string[] | undefined;
      const owing = reportingSteps(c.steps, actor.unitCode, keys);
      if (!owing.length)
        refuse(
          keys
            ? `${unitName(actor.unitCode)}在本案没有正在办理的整改步骤 ${keys.join('、')}`
            : `${unitName(actor.unitCode)}在本案没有正在办理的整改步骤，无需报送进展`,
        );
      return;
    }
    case 'request-extension': {
      if (actor.role !== 'bureau') refuse('延期由办理步骤的责任单位申请，督查室审批');
      if (c.pendingExtension)
        refuse(
          `已有待审批的延期申请（${unitName(c.pendingExtension.unitCode)}，${c.pendingExtension.steps.join('、')} 延至 ${c.pendingExtension.requestedDeadline}）`,
        );
      const target = body.newDeadline as string;
      for (const key of body.steps as string[]) {
        const step = c.steps.find((s) => s.key === key && s.phase === c.phase);
        if (!step) refuse(`当前阶段没有步骤 ${key}`);
        if (step!.unitCode !== actor.unitCode)
          refuse(
            `步骤“${step!.title}”由${unitName(step!.unitCode)}办理，${unitName(actor.unitCode)}不能申请延期`,
          );
        if (step!.state === 'done') refuse(`步骤“${step!.title}”已办结，无需延期`);
        if (step!.deadline === null) refuse(`步骤“${step!.title}”没有办理期限`);
        if (target <= step!.deadline!)
          refuse(`延期后的期限 ${target} 必须晚于步骤“${step!.title}”的现期限 ${step!.deadline}`);
      }
      return;
    }
    case 'decide-extension': {
      if (actor.role !== 'inspector') refuse('延期须经督查室批准');
      const pending = c.pendingExtension;
      if (!pending) return refuse('没有待审批的延期申请');
      if (body.approve !== true) return;
      const target = (body.newDeadline as string | undefined) ?? pending.requestedDeadline;
      const open = c.steps.filter((s) => pending.steps.includes(s.key) && s.state !== 'done');
      if (!open.length) refuse(`申请延期的步骤 ${pending.steps.join('、')} 均已办结，请驳回`);
      for (const s of open)
        if (s.deadline !== null && target <= s.deadline)
          refuse(`批准的期限 ${target} 必须晚于步骤“${s.title}”的现期限 ${s.deadline}`);
      return;
    }
  }
}

/** The rectification child's validator: only its own steps, by their own bureaus. */
export function checkRectificationAction(steps: StepSnapshot[], command: CaseCommand): StepSnapshot {
  parseBody(command);
  if (command.action !== 'complete-step') refuse(`整改子流程只办理整改步骤，不能执行 ${command.action}`);
  return checkStepCompletion(steps, command);
}
