// The ledger (台账) in bulk, in and out of spreadsheets: each row reported; only good rows start
// cases, in an import job that answers at once and runs on in the background (issue 12).
import { z } from 'zod';
import { ALL_ROLES } from '@duban/contracts';
import { KindergartenGrants, type Campaign } from '@duban/workflow-kindergarten/client';
import {
  defineRoute,
  HttpProblem,
  problems,
  type ProcessRouteContext,
  type Route,
  XLSX,
  sendXlsx,
} from '@duban/http';
import { cases } from '../collections';
import { LEDGER_ROW_LIMIT, LedgerImports } from '../imports';
import { policyDate } from '@duban/policy/store';
import { ledgerWorkbook, parseCsv, parseXlsx, rowsOf, validateRow, type RowResult } from '../ledger';
import { CampaignIdParams, LedgerImportJob, LedgerImportParams } from '../schemas';
import { KG_PROBLEMS, KG_TAGS } from './access';

const binary = () => z.string().meta({ format: 'binary' });

export function ledgerRoutes(
  ctx: ProcessRouteContext & { ledgerLimit?: string; ledgerRowLimit?: number },
  loadCampaign: (id: string) => Promise<Campaign>,
): Route[] {
  const rowLimit = ctx.ledgerRowLimit ?? LEDGER_ROW_LIMIT;
  const imports = new LedgerImports(ctx);
  // The process serving these routes runs their import jobs: when it (re)starts, it picks up the
  // jobs a stopped one left unfinished. (No store: the routes are only being described.)
  if (ctx.db)
    imports
      .resumeUnfinished()
      .then((n) => n && ctx.logger.info(`继续未完成的台账导入任务 ${n} 个`))
      .catch((error: unknown) => ctx.logger.error({ err: error }, '未能继续未完成的台账导入任务'));

  /** Each row on its own; a project listed twice in one file is refused at its second row. */
  function checkRows(table: string[][], guofa41Date: string): RowResult[] {
    const rows = rowsOf(table);
    if (!Array.isArray(rows)) throw new HttpProblem(400, `缺少列：${rows.missing.join('、')}`);
    if (rows.length > rowLimit)
      throw new HttpProblem(
        400,
        `台账一次最多导入 ${rowLimit} 行，本文件有 ${rows.length} 行；请分成几个文件上传（重复导入不会新增个案）`,
      );
    const seen = new Map<string, number>();
    return rows.map((raw): RowResult => {
      const result = validateRow(raw, guofa41Date);
      if (!result.ok) return result;
      const key = `${result.facts.town}/${result.facts.projectName}`;
      const first = seen.get(key);
      if (first !== undefined) return { row: raw.row, ok: false, reason: `与第 ${first} 行是同一小区项目` };
      seen.set(key, raw.row);
      return result;
    });
  }
  const jobPath = (campaignId: string, jobId: string) =>
    `/api/campaigns/${encodeURIComponent(campaignId)}/ledger/imports/${encodeURIComponent(jobId)}`;

  return [
    defineRoute({
      method: 'post',
      path: '/campaigns/:id/ledger',
      operationId: 'importKgLedger',
      summary: '批量导入台账（csv 或 xlsx），作为导入任务在后台进行',
      description:
        '逐行校验后立即答复 202 与导入任务（Location 指向任务）：不合格行当即列出行号与原因，合格行随后在后台登记个案；' +
        `GET 任务可见进度与逐行结果。每个文件最多 ${LEDGER_ROW_LIMIT} 行，超过答复 400。重复导入不新增个案；服务重启后任务继续，不会重复登记。`,
      tags: KG_TAGS,
      access: KindergartenGrants['import-ledger'],
      params: CampaignIdParams,
      rawBody: {
        types: { 'text/csv': z.string(), [XLSX]: binary(), 'application/octet-stream': binary() },
        limit: ctx.ledgerLimit ?? '5mb',
      },
      responses: {
        202: {
          description: '导入任务已建立：不合格行已列出，合格行在后台登记（Location 为任务地址）',
          schema: LedgerImportJob,
        },
      },
      problems: {
        ...KG_PROBLEMS,
        400: `表格无法读取、缺少列，或超过 ${LEDGER_ROW_LIMIT} 行`,
        413: '台账文件超过大小限制',
        415: '请以 text/csv 或 xlsx 格式上传台账',
      },
      handler: async ({ params, req, res, user }) => {
        const campaign = await loadCampaign(params.id);
        const bytes: unknown = req.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0)
          throw new HttpProblem(415, '请以 text/csv 或 xlsx 格式上传台账');
        let table: string[][];
        try {
          table = req.is('text/csv') ? parseCsv(bytes.toString('utf8')) : await parseXlsx(bytes);
        } catch {
          throw new HttpProblem(400, '无法读取表格文件');
        }
        const boundary = await policyDate(ctx.db, 'kindergarten.guofa-2010-41-date');
        const job = await imports.create(campaign, checkRows(table, boundary), user.username);
        res.status(202).location(jobPath(campaign.campaignId, job.jobId)).json(job);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/campaigns/:id/ledger/imports/:jobId',
      operationId: 'getKgLedgerImport',
      summary: '台账导入任务：进度与逐行结果',
      tags: KG_TAGS,
      access: KindergartenGrants['import-ledger'],
      params: LedgerImportParams,
      responses: { 200: { description: '导入任务', schema: LedgerImportJob } },
      problems: KG_PROBLEMS,
      handler: async ({ params, res }) => {
        const job = await imports.view(params.jobId);
        if (!job || job.campaignId !== params.id) throw problems.notFound(`导入任务 ${params.jobId} 不存在`);
        res.json(job);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/campaigns/:id/ledger.xlsx',
      operationId: 'exportKgLedger',
      summary: '导出台账（xlsx）',
      tags: KG_TAGS,
      access: { roles: ALL_ROLES, units: ['edu'], refusal: '台账由教育局汇总导出' },
      params: CampaignIdParams,
      responses: { 200: { description: '台账工作簿', schema: binary(), contentType: XLSX } },
      problems: KG_PROBLEMS,
      handler: async ({ params, res }) => {
        const campaign = await loadCampaign(params.id);
        const all = await cases(ctx.db).find({ campaignId: campaign.campaignId }).sort({ _id: 1 }).toArray();
        const buffer = await ledgerWorkbook(all);
        sendXlsx(res, buffer, `${campaign.campaignId}-ledger.xlsx`);
      },
    }),
  ];
}
