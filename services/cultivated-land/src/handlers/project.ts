// The projection of every cultivated-land fact into the read models: the town's rectification or
// assessment (an upsert by version: each fact carries the snapshot after it) and its timeline.
import type { AssessmentSnapshot, RectificationSnapshot } from '@duban/workflow-cultivated-land/client';
import type { CloudEvent } from '@duban/contracts';
import type { Db } from 'mongodb';
import { assessments, isDuplicateKeyError, rectifications, timeline, upsertNewer } from '../collections';

type Data = {
  rectification?: RectificationSnapshot;
  assessment?: AssessmentSnapshot;
  [key: string]: unknown;
};

const FACT_LABELS: Record<string, string> = {
  rectification_opened: '整改立项：核实永久基本农田划定成果',
  rectification_step_completed: '步骤办结',
  problems_listed: '问题清单已梳理',
  plan_submitted: '整改补划方案已报送',
  plan_approved: '整改补划方案审查通过',
  plan_returned: '整改补划方案退回',
  extension_requested: '申请延期',
  deadline_extended: '延期已批准',
  extension_refused: '延期未批准',
  rectification_colour_changed: '预警变化',
  rectification_closed: '整改办结',
  targets_set: '下达年度耕地保护责任目标',
  report_submitted: '报告目标完成情况',
  town_commended: '通报表彰',
  assessment_passed: '考核通过',
  town_criticised: '通报批评，责令限期整改',
  land_business_suspended: '暂停办理涉及土地管理的有关业务',
  rectification_reported: '报告整改情况',
  rectification_failed: '整改核查未通过',
  suspension_lifted: '整改通过，恢复办理土地管理业务',
  accountability_escalated: '整改不到位，问责',
  assessment_colour_changed: '预警变化',
  assessment_closed: '考核办结',
};

const COLOURS: Record<string, string> = { green: '绿', blue: '蓝', yellow: '黄', red: '红', none: '无' };

export function summaryOf(fact: string, data: Data): string {
  const label = FACT_LABELS[fact] ?? fact;
  switch (fact) {
    case 'rectification_step_completed': {
      const step = data.rectification?.steps.find((s) => s.key === data.step);
      return `${label}：${step?.title ?? String(data.step)}`;
    }
    case 'problems_listed':
      return `${label}：${(data.problems as unknown[]).length} 项，涉及 ${String(data.areaMu)} 亩`;
    case 'plan_submitted':
      return `${label}（第 ${String(data.round)} 稿）`;
    case 'plan_approved':
    case 'plan_returned':
    case 'rectification_failed':
    case 'extension_refused':
      return `${label}：${String(data.reason)}`;
    case 'extension_requested':
    case 'deadline_extended':
      return `${label}：至 ${String(data.newDeadline)}（${String(data.reason)}）`;
    case 'rectification_colour_changed':
    case 'assessment_colour_changed':
      return `${label}：${COLOURS[String(data.from)]}→${COLOURS[String(data.to)]}，${String(data.reason)}`;
    case 'town_commended':
    case 'town_criticised':
    case 'assessment_passed':
      return data.assessment?.result?.summary ?? label;
    case 'land_business_suspended':
      return (data.suspension as { reason: string }).reason;
    case 'accountability_escalated':
      return String(data.reason);
    default:
      return label;
  }
}

export function onLandEvent(db: Db) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const { rectification: r, assessment: a, ...rest } = event.data;
    const updatedAt = new Date(event.time);
    if (r) await upsertNewer(rectifications(db), { ...r, _id: r.rectificationId, updatedAt });
    if (a) await upsertNewer(assessments(db), { ...a, _id: a.assessmentId, updatedAt });
    const fact = event.type.split('.').at(-2) ?? event.type;
    try {
      await timeline(db).insertOne({
        _id: event.id,
        itemId: r ? r.rectificationId : a!.assessmentId,
        kind: r ? 'rectification' : 'assessment',
        version: (r ?? a)!.version,
        fact,
        summary: summaryOf(fact, event.data),
        at: updatedAt,
        actor: {
          userId: event.actorid ?? null,
          unitCode: event.actorunit ?? null,
          requestId: event.requestid ?? null,
        },
        data: rest,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  };
}
