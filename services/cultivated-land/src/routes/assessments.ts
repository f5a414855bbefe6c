// The yearly assessment of each town (三(十)) and what each town's land business looks like.
import {
  AssessmentActionBodies,
  AssessmentGrants,
  AssessmentSnapshotSchema,
  CultivatedLandGrants,
  SetAssessmentTargetsSchema,
  assessmentIdOf,
  type AssessmentActionName,
  type AssessmentCommand,
} from '@duban/workflow-cultivated-land/client';
import { defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { assessments, timeline } from '../collections';
import {
  AssessmentDetail,
  AssessmentListQuery,
  AssessmentListResponse,
  IdParams,
  SetTargetsResponse,
} from '../schemas';
import { assessmentSnapshot, sendAssessmentAction, startAssessment } from '../temporal';
import { landTown, landTowns } from '../towns';
import { actionRoutes } from './actions';
import { CL_TAGS, engineProblems, strip, timelineView } from './views';

const ACTIONS: Record<AssessmentActionName, string> = {
  report: '报告目标完成情况（镇(场)）',
  assess:
    '考核（市政府，督查室办理；农业农村局、统计局参与，三(十)、三(九)；此前开始的考核由自然资源局办理）：' +
    '全部完成则考核通过；未完成目标须给 rectificationDeadline，随即通报批评并暂停该镇土地管理业务',
  commend:
    '通报表彰（市政府决定，督查室办理，三(十)）：对全部完成目标且措施得力、成效突出的镇(场)，reason 写明表彰理由',
  'report-rectification': '报告整改情况（镇(场)）',
  'verify-rectification': '整改核查（自然资源局）：pass 通过则恢复业务，fail 退回整改',
};

export function assessmentRoutes(ctx: ProcessRouteContext): Route[] {
  const tags = CL_TAGS;
  return [
    // The city sets each town's targets for the year (三(十)); 自然资源局 细化分解 (三(九)).
    defineRoute({
      access: CultivatedLandGrants['set-assessment-targets'],
      method: 'post',
      path: '/land/assessments',
      operationId: 'setLandAssessmentTargets',
      summary: '下达年度耕地保护责任目标（各镇(场)或指定镇(场)）',
      description:
        '目标：耕地保有量、永久基本农田保护面积、高标准农田建设面积（亩），不低于即达标（三(十)）。',
      tags,
      body: SetAssessmentTargetsSchema,
      emptyBodyIsObject: true,
      responses: {
        201: { description: '已下达（每镇(场)一项考核）', schema: SetTargetsResponse },
        200: { description: '均已下达过，未重复创建', schema: SetTargetsResponse },
      },
      handler: async ({ body, user, res }) => {
        const { year, reportDeadline, targets } = body;
        const towns = body.towns ?? landTowns().map((t) => ({ townCode: t.code, targets: undefined }));
        const unknown = towns.map((t) => t.townCode).filter((c) => !landTown(c));
        if (unknown.length) {
          throw problems.invalid([{ field: 'body.towns', message: `不是镇(场)：${unknown.join('、')}` }]);
        }
        const missing = towns.findIndex((t) => !t.targets && !targets);
        if (missing >= 0) {
          const problem = problems.invalid([
            { field: `body.towns.${missing}.targets`, message: '须给出目标（或在 body.targets 中统一给出）' },
          ]);
          throw Object.assign(problem, { detail: `body.targets: ${towns[missing]!.townCode} 没有目标` });
        }
        const started = [];
        for (const town of towns) {
          const assessmentId = assessmentIdOf(year, town.townCode);
          const created = await startAssessment(ctx, {
            assessmentId,
            year,
            townCode: town.townCode,
            townName: landTown(town.townCode)!.shortName,
            targets: (town.targets ?? targets)!,
            reportDeadline,
            setBy: user.username,
          });
          started.push({ assessmentId, townCode: town.townCode, created });
        }
        res.status(started.some((s) => s.created) ? 201 : 200).json({ year, assessments: started });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/land/assessments',
      operationId: 'listLandAssessments',
      summary: '年度考核结果（表彰、批评、暂停、问责）',
      tags,
      access: 'user',
      query: AssessmentListQuery,
      responses: { 200: { description: '考核列表与统计', schema: AssessmentListResponse } },
      handler: async ({ query, res }) => {
        const filter: Record<string, unknown> = {};
        if (query.year !== undefined) filter.year = query.year;
        if (query.townCode) filter.townCode = query.townCode;
        const all = await assessments(ctx.db).find(filter).sort({ year: 1, townCode: 1 }).toArray();
        const count = (f: (a: (typeof all)[number]) => boolean) => all.filter(f).length;
        res.json({
          year: query.year ?? null,
          counts: {
            total: all.length,
            reporting: count((a) => a.phase === 'reporting'),
            assessing: count((a) => a.phase === 'assessing'),
            commended: count((a) => a.result?.outcome === 'commended'),
            passed: count((a) => a.result?.outcome === 'passed'),
            criticised: count((a) => a.result?.outcome === 'criticised'),
            suspended: count((a) => a.suspension !== null && a.suspension.liftedAt === null),
            escalated: count((a) => a.escalatedAt !== null),
          },
          assessments: all.map(strip),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/land/assessments/:id',
      operationId: 'getLandAssessment',
      summary: '一个镇(场)的年度考核及其时间线',
      tags,
      access: 'user',
      params: IdParams,
      responses: { 200: { description: '考核', schema: AssessmentDetail } },
      problems: { 404: '不存在' },
      handler: async ({ params, res }) => {
        const id = params.id;
        const a = (await assessmentSnapshot(ctx, id)) ?? (await assessments(ctx.db).findOne({ _id: id }));
        if (!a) throw problems.notFound(`考核 ${id} 不存在`);
        const events = await timeline(ctx.db).find({ itemId: id }).sort({ version: 1 }).toArray();
        res.json({ assessment: strip(a), timeline: events.map(timelineView) });
      },
    }),
    ...actionRoutes({
      path: '/land/assessments/:id/actions',
      operationId: 'landAssessment',
      what: '考核',
      summaries: ACTIONS,
      grants: AssessmentGrants,
      bodies: AssessmentActionBodies,
      response: { description: '办理后的考核', schema: AssessmentSnapshotSchema },
      problems: { 404: '考核或操作不存在', 409: '操作被拒绝，detail 说明理由', ...engineProblems },
      act: async (id, command) => sendAssessmentAction(ctx, id, command as AssessmentCommand),
    }),
  ];
}
