// The kindergarten API's request and response schemas: the router validates with them and the
// OpenAPI document is generated from them, so the two cannot drift apart.
import { z } from 'zod';
import {
  CampaignSchema,
  CaseSnapshotSchema,
  KindergartenFactsSchema,
  HoldKindSchema,
  PhaseSchema,
} from '@duban/workflow-kindergarten/client';
import { CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';

// Named once per process (zod's global registry refuses a second schema with the same id).
export const Case = CaseSnapshotSchema.meta({ id: 'KgCase', description: '一所幼儿园的个案（一园一案）' });
export const Campaign = CampaignSchema.meta({ id: 'KgCampaign', description: '一轮治理工作及其期限' });
export const LedgerRow = KindergartenFactsSchema.meta({ id: 'KgLedgerRow', description: '台账一行' });

const id = (description: string) => z.string().min(1).max(200).meta({ description });

export const CampaignIdParams = z.object({ id: id('治理工作编号，如 kg-2019') });
export const CaseIdParams = z.object({ id: id('个案编号：<治理工作>.<小区项目>') });
export const ProjectIdParams = z.object({ id: id('小区项目编号（所在镇 + 项目名称的散列）') });

export const OpenCampaignBody = z
  .object({
    campaignId: z.string().regex(/^[a-z0-9-]{3,40}$/),
    startDate: CivilDateSchema,
    title: z.string().max(100).optional(),
  })
  .strict();

export const CasesQuery = z.object({
  campaignId: z.string().optional(),
  unit: UnitCodeSchema.optional().meta({ description: '单位代码；责任单位用户总是本单位' }),
});

export const CampaignsList = z.object({ campaigns: z.array(Campaign) });

export const StartedCase = z.object({ caseId: z.string(), projectId: z.string(), created: z.boolean() });

/** A ledger import job: its progress and the report so far (pending rows are not started yet). */
export const LedgerImportJob = z.object({
  jobId: z.string(),
  campaignId: z.string(),
  state: z.enum(['running', 'done']).meta({ description: 'running：仍有行在登记；done：全部行已有结果' }),
  rows: z.number().int().meta({ description: '文件中的数据行数' }),
  done: z.number().int().meta({ description: '已有结果的行数（含退回）' }),
  created: z.number().int(),
  existing: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int().meta({ description: '工作流引擎不可用、未能登记的行' }),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  report: z.array(
    z.object({
      row: z.number().int().meta({ description: '表格中的行号（表头为第 1 行）' }),
      status: z.enum(['pending', 'created', 'exists', 'rejected', 'failed']),
      reason: z.string().optional().meta({ description: '不导入的原因' }),
      caseId: z.string().optional(),
      projectId: z.string().optional(),
      created: z.boolean().optional(),
    }),
  ),
});

export const LedgerImportParams = CampaignIdParams.extend({
  jobId: z.string().min(1).max(100).meta({ description: '导入任务编号（上传台账时答复）' }),
});

const count = z.record(z.string(), z.number().int());
export const CampaignOverview = z.object({
  campaign: Campaign,
  total: z.number().int(),
  byCategory: count,
  byPhase: count,
  byColour: count,
  byBureau: z.record(
    z.string(),
    z.object({
      open: z.number().int(),
      red: z.number().int(),
      yellow: z.number().int(),
      blue: z.number().int(),
    }),
  ),
  atRisk: z.array(
    z.object({
      caseId: z.string(),
      projectName: z.string(),
      town: z.string(),
      colour: ColourSchema,
      phase: PhaseSchema,
      redSince: z.string().nullable(),
      escalatedAt: z.string().nullable(),
      pendingExtension: z.unknown(),
      steps: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          unitCode: z.string(),
          deadline: z.string().nullable(),
          colour: ColourSchema,
        }),
      ),
    }),
  ),
  holds: z.array(
    z.object({ caseId: z.string(), projectId: z.string(), kind: HoldKindSchema, held: z.boolean() }),
  ),
});

export const BureauCases = z.object({
  unit: z.string().nullable(),
  cases: z.array(z.object({ case: Case, steps: z.array(z.unknown()) })),
});

export const CaseDetail = z.object({
  case: Case,
  timeline: z.array(
    z.object({
      _id: z.string().meta({ description: '事件编号' }),
      caseId: z.string(),
      version: z.number().int(),
      fact: z.string(),
      at: z.string(),
      actor: z.object({ userId: z.string().nullable(), unitCode: z.string().nullable() }),
      step: z.string().nullable(),
    }),
  ),
});

const PermitView = z.object({
  held: z.boolean(),
  unitCode: z.string(),
  caseId: z.string().nullable(),
  reason: z.string().nullable(),
  ref: z.string().optional(),
  liftsAtStep: z.string().optional(),
  placedAt: z.string().optional(),
  liftedAt: z.string().nullable().optional(),
});
export const ProjectPermits = z.object({
  projectId: z.string(),
  projectName: z.string().nullable(),
  completionFiling: PermitView,
  constructionStart: PermitView,
});
export const PermitGranted = z.object({ projectId: z.string(), at: z.string() }).catchall(z.string());
