// 销号台账 (四(三)): 发改局 imports and exports the ledger and closes projects out; everyone reads it.
import { ALL_ROLES } from '@duban/contracts';
import { HttpProblem, defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { ProjectQualityGrants, type Project } from '@duban/workflow-project-quality/client';
import { projects, stripDoc, unitYears } from '../collections';
import { closeOut, closeOutRefusal } from '../ledger/closeout';
import { readLedger, writeLedger } from '../ledger/sheet';
import { latestProgress } from '../notice/notice';
import { PQ_TAGS, PqBodies, PqParams, PqViews, XLSX, binary } from '../schemas';

export const readers = { access: { roles: ALL_ROLES } } as const;

export async function ledgerOf(ctx: ProcessRouteContext): Promise<Project[]> {
  const rows = await projects(ctx.db).find({}).sort({ _id: 1 }).limit(5000).toArray();
  return rows.map(({ updatedAt: _a, updatedBy: _b, ...p }) => stripDoc(p));
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
      handler: async ({ req, res, user }) => {
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
        const now = ctx.now();
        // One project a row; a project closed out keeps its 销号 date unless the sheet gives one.
        for (const r of read.rows) {
          if (!r.ok) continue;
          const old = await projects(ctx.db).findOne({ _id: r.project.projectId });
          const closedOn = r.project.closedOn ?? old?.closedOn;
          await projects(ctx.db).replaceOne(
            { _id: r.project.projectId },
            {
              ...r.project,
              ...(closedOn ? { closedOn } : {}),
              updatedAt: now,
              updatedBy: user.username,
            },
            { upsert: true },
          );
          imported += 1;
        }
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
        res
          .status(200)
          .type(XLSX)
          .set('content-disposition', 'attachment; filename="project-ledger.xlsx"')
          .send(await writeLedger(await ledgerOf(ctx)));
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
      handler: async ({ params, body, res, user }) => {
        const doc = await projects(ctx.db).findOne({ _id: params.id });
        if (!doc) throw problems.notFound(`项目 ${params.id} 不在台账中`);
        const { updatedAt: _a, updatedBy: _b, ...rest } = doc;
        const project = stripDoc(rest);
        const year = Number(body.on.slice(0, 4));
        const years = await unitYears(ctx.db).find({ unitCode: project.unitCode, year }).toArray();
        const latest = latestProgress(years, year, 12).get(project.projectId);
        const refusal = closeOutRefusal(project, latest, body.on);
        if (refusal) throw new HttpProblem(409, refusal);
        const closed = closeOut(project, body.on);
        await projects(ctx.db).updateOne(
          { _id: params.id },
          { $set: { closedOn: body.on, updatedAt: ctx.now(), updatedBy: user.username } },
        );
        res.json(closed);
      },
    }),
  ];
}
