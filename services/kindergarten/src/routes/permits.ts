// What is held on a residential project and why (三(一)), as 住建局 and 自然资源局 know it; a
// held permit is refused naming the case.
import type { Db } from 'mongodb';
import { defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { cases, housPermits, natresPermits } from '../collections';
import { PermitGranted, ProjectIdParams, ProjectPermits } from '../schemas';
import { KindergartenGrants } from '@duban/workflow-kindergarten/client';
import { KG_PROBLEMS, KG_TAGS } from './access';

async function permitsOf(db: Db, projectId: string) {
  const [filing, start] = await Promise.all([
    housPermits(db).findOne({ _id: `${projectId}|completion_filing` }),
    natresPermits(db).findOne({ _id: `${projectId}|construction_start` }),
  ]);
  const view = (doc: typeof filing, unit: string) =>
    doc
      ? {
          held: doc.held,
          unitCode: unit,
          caseId: doc.caseId,
          reason: doc.hold.reason,
          ref: doc.hold.ref,
          liftsAtStep: doc.hold.liftsAtStep,
          placedAt: doc.hold.placedAt,
          liftedAt: doc.hold.liftedAt,
        }
      : { held: false, unitCode: unit, caseId: null, reason: null };
  return {
    projectId,
    projectName: filing?.projectName ?? start?.projectName ?? null,
    completionFiling: view(filing, 'hous'),
    constructionStart: view(start, 'natres'),
  };
}

interface PermitKind {
  kind: 'completionFiling' | 'constructionStart';
  action: 'grant-completion-filing' | 'grant-construction-start';
  path: string;
  operationId: string;
  unitCode: 'hous' | 'natres';
  what: string;
  summary: string;
  description: string;
}

const KINDS: PermitKind[] = [
  {
    kind: 'completionFiling',
    action: 'grant-completion-filing',
    path: '/projects/:id/completion-filing',
    operationId: 'kgCompletionFiling',
    unitCode: 'hous',
    what: '竣工验收备案',
    summary: '办理竣工验收备案（住建局）',
    description: '个案整改到位前暂停办理，409 写明个案。',
  },
  {
    kind: 'constructionStart',
    action: 'grant-construction-start',
    path: '/projects/:id/construction-start',
    operationId: 'kgConstructionStart',
    unitCode: 'natres',
    what: '开工许可',
    summary: '准予开工（自然资源局）',
    description: '重新审核配套幼儿园建设规划前不得开工，409 写明个案。',
  },
];

export function permitRoutes(ctx: ProcessRouteContext): Route[] {
  const common = { tags: KG_TAGS, problems: KG_PROBLEMS, params: ProjectIdParams };
  return [
    defineRoute({
      ...common,
      method: 'get',
      path: '/projects/:id/permits',
      operationId: 'getKgProjectPermits',
      summary: '小区项目的竣工验收备案与开工是否暂停',
      description: '住建局、自然资源局各自掌握的暂停事项、原因与对应个案（三(一)）。',
      access: 'user',
      responses: { 200: { description: '许可状态', schema: ProjectPermits } },
      handler: async ({ params, res }) => {
        res.json(await permitsOf(ctx.db, params.id));
      },
    }),
    ...KINDS.map((k) =>
      defineRoute({
        ...common,
        method: 'post',
        path: k.path,
        operationId: k.operationId,
        summary: k.summary,
        description: k.description,
        access: KindergartenGrants[k.action],
        responses: { 200: { description: '已办理', schema: PermitGranted } },
        handler: async ({ params, res }) => {
          const permits = await permitsOf(ctx.db, params.id);
          // A permit is granted on a project the ledger knows (a hold or a case names it): an
          // unknown id is not a free project.
          const known =
            permits.projectName !== null ||
            (await cases(ctx.db).findOne({ projectId: params.id }, { projection: { _id: 1 } })) !== null;
          if (!known) throw problems.notFound(`台账中没有小区项目 ${params.id}，无法办理${k.what}`);
          const hold = permits[k.kind];
          if (hold.held) {
            throw problems.conflict(`${k.what}暂停办理：${hold.reason}（个案 ${hold.caseId}，${hold.ref}）`, {
              caseId: hold.caseId,
            });
          }
          res.json({ projectId: params.id, [k.kind]: 'granted', at: ctx.now().toISOString() });
        },
      }),
    ),
  ];
}
