// The ledger (台账) in bulk, in and out of spreadsheets: each row reported; only good rows start cases.
import { z } from 'zod';
import { ALL_ROLES } from '@duban/contracts';
import { KindergartenGrants, type Campaign } from '@duban/workflow-kindergarten/client';
import { defineRoute, HttpProblem, type ProcessRouteContext, type Route } from '@duban/http';
import { startCase } from '../cases';
import { cases } from '../collections';
import { ledgerWorkbook, parseCsv, parseXlsx, rowsOf, validateRow } from '../ledger';
import { CampaignIdParams, LedgerReport } from '../schemas';
import { KG_PROBLEMS, KG_TAGS } from './access';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = () => z.string().meta({ format: 'binary' });

type ReportRow =
  | { row: number; status: 'rejected'; reason: string }
  | { row: number; status: 'created' | 'exists'; caseId: string; projectId: string; created: boolean };

export function ledgerRoutes(
  ctx: ProcessRouteContext & { ledgerLimit?: string },
  loadCampaign: (id: string) => Promise<Campaign>,
): Route[] {
  /** Each row on its own; a project listed twice in one file is refused at its second row. */
  async function importRows(campaign: Campaign, table: string[][]): Promise<ReportRow[]> {
    const rows = rowsOf(table);
    if (!Array.isArray(rows)) throw new HttpProblem(400, `缺少列：${rows.missing.join('、')}`);
    const seen = new Map<string, number>();
    const report: ReportRow[] = [];
    for (const raw of rows) {
      const result = validateRow(raw);
      if (!result.ok) {
        report.push({ row: result.row, status: 'rejected', reason: result.reason });
        continue;
      }
      const key = `${result.facts.town}/${result.facts.projectName}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report.push({ row: raw.row, status: 'rejected', reason: `与第 ${first} 行是同一小区项目` });
        continue;
      }
      seen.set(key, raw.row);
      const started = await startCase(ctx, campaign, result.facts);
      report.push({ row: raw.row, status: started.created ? 'created' : 'exists', ...started });
    }
    return report;
  }

  return [
    defineRoute({
      method: 'post',
      path: '/campaigns/:id/ledger',
      operationId: 'importKgLedger',
      summary: '批量导入台账（csv 或 xlsx）',
      description: '逐行校验：合格行登记个案，不合格行返回行号与原因；重复导入不新增个案。',
      tags: KG_TAGS,
      access: KindergartenGrants['import-ledger'],
      params: CampaignIdParams,
      rawBody: {
        types: { 'text/csv': z.string(), [XLSX]: binary(), 'application/octet-stream': binary() },
        limit: ctx.ledgerLimit ?? '5mb',
      },
      responses: { 200: { description: '逐行导入结果', schema: LedgerReport } },
      problems: { ...KG_PROBLEMS, 413: '台账文件超过大小限制', 415: '请以 text/csv 或 xlsx 格式上传台账' },
      handler: async ({ params, req, res }) => {
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
        const report = await importRows(campaign, table);
        const count = (s: string) => report.filter((r) => r.status === s).length;
        res.json({
          campaignId: campaign.campaignId,
          rows: report.length,
          created: count('created'),
          existing: count('exists'),
          rejected: count('rejected'),
          report,
        });
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
        res
          .type(XLSX)
          .set('content-disposition', `attachment; filename="${campaign.campaignId}-ledger.xlsx"`)
          .send(buffer);
      },
    }),
  ];
}
