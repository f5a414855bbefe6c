// 销号台账 (四(三)): 发改局 imports, edits and exports the ledger and closes projects out; everyone
// reads it. Each change is a fact (project_imported, project_edited, project_closed_out) that the
// projection writes into the ledger.
import { ALL_ROLES, type EventData } from '@duban/contracts';
import {
  HttpProblem,
  defineRoute,
  problems,
  type Principal,
  type ProcessRouteContext,
  type Route,
  XLSX,
  sendXlsx,
} from '@duban/http';
import {
  ProjectQualityEvents,
  ProjectQualityGrants,
  ProjectSchema,
  type Project,
} from '@duban/workflow-project-quality/client';
import { projects, stripDoc, unitYears, type ProjectDoc } from '../collections';
import { closeOut, closeOutRefusal } from '../ledger/closeout';
import { publishFact, untilProjected } from '../ledger/facts';
import { ledgerLabel, readLedger, writeLedger } from '../ledger/sheet';
import { latestProgress } from '../notice/notice';
import { PQ_TAGS, PqBodies, PqParams, PqViews, binary } from '../schemas';

export const readers = { access: { roles: ALL_ROLES } } as const;

export async function ledgerOf(ctx: ProcessRouteContext): Promise<Project[]> {
  const rows = await projects(ctx.db).find({}).sort({ _id: 1 }).limit(5000).toArray();
  return rows.map(lineOf);
}

const lineOf = ({ updatedAt: _a, updatedBy: _b, version: _v, ...p }: ProjectDoc): Project => stripDoc(p);

/** Resolves once every line in `published` (project → its fact's sequence) is in the ledger. */
function ledgerShows(ctx: ProcessRouteContext, published: Map<string, number>): Promise<void> {
  return untilProjected(async () => {
    const docs = await projects(ctx.db)
      .find({ _id: { $in: [...published.keys()] } }, { projection: { version: 1 } })
      .toArray();
    return docs.length === published.size && docs.every((d) => d.version >= published.get(d._id)!);
  });
}

/** One fact about one line (an edit, a 销号), answered once the ledger shows it. */
async function recordLine<
  T extends
    typeof ProjectQualityEvents.ProjectEdited.type | typeof ProjectQualityEvents.ProjectClosedOut.type,
>(
  ctx: ProcessRouteContext,
  who: { user: Principal; requestId: string },
  type: T,
  step: string,
  data: EventData<T> & { project: Project },
): Promise<void> {
  const id = data.project.projectId;
  const sequence = await publishFact(ctx, who, {
    type,
    id: `project-quality/ledger/${step}/${id}/${who.requestId}`,
    subject: id,
    data,
  });
  await ledgerShows(ctx, new Map([[id, sequence]]));
}

export function ledgerRoutes(ctx: ProcessRouteContext): Route[] {
  return [
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/projects',
      operationId: 'pqProjects',
      summary: '销号台账：全部建设项目（四(三)、二(一)）',
      tags: PQ_TAGS,
      responses: { 200: { description: '项目', schema: PqViews.projects } },
      handler: async ({ res }) => {
        res.json(await ledgerOf(ctx));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/project-quality/projects/import',
      operationId: 'pqImportProjects',
      summary: '导入销号台账（xlsx，发改局的列）：逐行报告行号、字段和问题，合格行登记或更新',
      tags: PQ_TAGS,
      access: ProjectQualityGrants.ledger,
      rawBody: { types: { [XLSX]: binary(), 'application/octet-stream': binary() }, limit: '5mb' },
      responses: { 200: { description: '逐行报告', schema: PqViews.importReport } },
      problems: { 400: '表格无法读取或缺少列', 415: '请以 xlsx 格式上传台账' },
      handler: async ({ req, res, user, requestId }) => {
        const bytes: unknown = req.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0)
          throw new HttpProblem(415, '请以 xlsx 格式上传台账');
        let read;
        try {
          read = await readLedger(new Uint8Array(bytes));
        } catch {
          throw new HttpProblem(400, '无法读取表格文件');
        }
        if (read.sheet.length) throw new HttpProblem(400, read.sheet.join('；'));
        let imported = 0;
        const published = new Map<string, number>();
        // One fact a row; a project closed out keeps its 销号 date unless the sheet gives one.
        for (const r of read.rows) {
          if (!r.ok) continue;
          const old = await projects(ctx.db).findOne({ _id: r.project.projectId });
          const closedOn = r.project.closedOn ?? old?.closedOn;
          const project = { ...r.project, ...(closedOn ? { closedOn } : {}) };
          const sequence = await publishFact(
            ctx,
            { user, requestId },
            {
              type: ProjectQualityEvents.ProjectImported.type,
              id: `project-quality/ledger/import/${requestId}/${r.row}`,
              subject: project.projectId,
              data: { project, row: r.row },
            },
          );
          published.set(project.projectId, sequence);
          imported += 1;
        }
        if (published.size) await ledgerShows(ctx, published);
        res.json({
          imported,
          sheet: read.sheet,
          rows: read.rows.map((r) => (r.ok ? { row: r.row, ok: true, projectId: r.project.projectId } : r)),
        });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/projects.xlsx',
      operationId: 'pqExportProjects',
      summary: '导出销号台账（xlsx，与导入同列）',
      tags: PQ_TAGS,
      responses: { 200: { description: 'xlsx 文件', contentType: XLSX, schema: binary() } },
      handler: async ({ res }) => {
        sendXlsx(res, await writeLedger(await ledgerOf(ctx)), 'project-ledger.xlsx');
      },
    }),
    defineRoute({
      method: 'post',
      path: '/project-quality/projects/:id/close',
      operationId: 'pqCloseProject',
      summary: '项目销号（四(三)：完成一项，销号一项）',
      tags: PQ_TAGS,
      access: ProjectQualityGrants.ledger,
      params: PqParams.project,
      body: PqBodies.close,
      responses: { 200: { description: '已销号的项目', schema: PqViews.project } },
      problems: { 404: '项目不在台账中', 409: '尚未开工或年度投资未完成，或已销号' },
      handler: async ({ params, body, res, user, requestId }) => {
        const doc = await projects(ctx.db).findOne({ _id: params.id });
        if (!doc) throw problems.notFound(`项目 ${params.id} 不在台账中`);
        const project = lineOf(doc);
        const year = Number(body.on.slice(0, 4));
        const years = await unitYears(ctx.db).find({ unitCode: project.unitCode, year }).toArray();
        const latest = latestProgress(years, year, 12).get(project.projectId);
        const refusal = closeOutRefusal(project, latest, body.on);
        if (refusal) throw new HttpProblem(409, refusal);
        const closed = closeOut(project, body.on);
        await recordLine(ctx, { user, requestId }, ProjectQualityEvents.ProjectClosedOut.type, 'close', {
          project: closed,
          on: body.on,
        });
        res.json(closed);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/project-quality/projects/:id/edit',
      operationId: 'pqEditProject',
      summary: '修改台账中项目的字段（责任领导、工作专班、具体责任人、投资、日期等；不含项目编号和销号日期）',
      tags: PQ_TAGS,
      access: ProjectQualityGrants.ledger,
      params: PqParams.project,
      body: PqBodies.edit,
      responses: { 200: { description: '修改后的项目', schema: PqViews.project } },
      problems: { 400: '字段不合法（指明字段）', 404: '项目不在台账中' },
      handler: async ({ params, body, res, user, requestId }) => {
        const doc = await projects(ctx.db).findOne({ _id: params.id });
        if (!doc) throw problems.notFound(`项目 ${params.id} 不在台账中`);
        const before = lineOf(doc);
        // The line as a whole must still hold (竣工 not before 开工): checked before anything is published.
        const checked = ProjectSchema.safeParse({ ...before, ...body });
        if (!checked.success)
          throw problems.invalid(
            checked.error.issues.map((i) => ({
              field: `body.${i.path.join('.')}`,
              message: `${ledgerLabel(String(i.path[0] ?? ''))}：${i.message}`,
            })),
          );
        const after = checked.data;
        const changed = Object.keys(body).filter(
          (k) => JSON.stringify(after[k as keyof Project]) !== JSON.stringify(before[k as keyof Project]),
        );
        if (changed.length === 0) return void res.json(before);
        await recordLine(ctx, { user, requestId }, ProjectQualityEvents.ProjectEdited.type, 'edit', {
          project: after,
          changed,
        });
        res.json(after);
      },
    }),
  ];
}
