import { z } from 'zod';
import { defineRoute, parsePart, problems, type Route } from '@duban/http';
import {
  isChangeable,
  policySetting,
  sourceLabel,
  POLICY_SETTINGS,
  type PolicySettingDefinition,
} from '@duban/policy';
import {
  changePolicySetting,
  currentPolicy,
  policyHistory,
  settingState,
  PolicyChangeConflict,
  type PolicyChangeDoc,
  type PolicySettingState,
} from '@duban/policy/store';
import type { RouteContext } from '../deps';
import { GatewayGrants } from './grants';

// 政策参数 (issue 14): the rules the product applies that the gazette does not state, each with
// its source. An administrator changes one with a reason; the change is on record.

const Value = z.union([z.number(), z.string()]);

const Source = z
  .object({
    kind: z.enum(['gazette', 'law', 'system']).meta({ description: '公报条款、法律条文或本系统设定' }),
    label: z.string().meta({ description: '来源的一行写法，如“青政办发〔2019〕31号 三(三)”' }),
    document: z.string().optional(),
    clause: z.string().optional(),
    law: z.string().optional(),
    article: z.string().optional(),
    quote: z.string().optional().meta({ description: '原文' }),
    note: z.string().optional(),
    reasoning: z.string().optional().meta({ description: '本系统设定的理由' }),
    reference: z.string().optional().meta({ description: '参照的文件与原文' }),
  })
  .meta({ id: 'PolicySource' });

const ChangeView = z
  .object({
    key: z.string(),
    from: Value,
    to: Value,
    reason: z.string(),
    by: z.object({
      username: z.string(),
      name: z.string(),
      role: z.string(),
      unitCode: z.string().nullable(),
    }),
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'PolicyChange' });

const SettingView = z
  .object({
    key: z.string(),
    label: z.string(),
    value: Value,
    defaultValue: Value,
    unit: z.string(),
    source: Source,
    appliesTo: z.object({
      scope: z.string(),
      startInput: z.string().optional().meta({ description: '新启动的流程在此启动参数中取当前值' }),
      passedBy: z.string().optional(),
      takesEffect: z
        .string()
        .optional()
        .meta({ description: '修改对哪些流程生效（新立案的，或也包括在办的）' }),
      fixedIn: z.string().optional().meta({ description: '固定在流程代码或环境变量中：此处只读' }),
    }),
    changeable: z.boolean(),
    lastChange: ChangeView.nullable(),
  })
  .meta({ id: 'PolicySetting' });

const KeyParams = z.object({ key: z.string().min(1).max(80) });
const ChangeBody = z
  .object({
    value: Value.meta({ description: '新值（类型与单位见该参数）' }),
    reason: z.string().trim().min(4, '请写明修改理由（至少 4 个字）').max(1000),
  })
  .strict()
  .meta({ id: 'PolicySettingChange' });

const changeView = (c: PolicyChangeDoc) => ({
  key: c.key,
  from: c.from,
  to: c.to,
  reason: c.reason,
  by: c.by,
  at: c.at.toISOString(),
});

function settingView(setting: PolicySettingDefinition, state: PolicySettingState) {
  return {
    key: setting.key,
    label: setting.label,
    value: state.value,
    defaultValue: setting.defaultValue,
    unit: setting.unit,
    source: { ...setting.source, label: sourceLabel(setting.source) },
    appliesTo: setting.appliesTo,
    changeable: isChangeable(setting),
    lastChange: state.lastChange ? changeView(state.lastChange) : null,
  };
}

function known(key: string): PolicySettingDefinition {
  const setting = policySetting(key);
  if (!setting) throw problems.notFound(`没有政策参数 ${key}`);
  return setting;
}

export function policyRoutes(ctx: RouteContext): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/policy',
      operationId: 'listPolicySettings',
      summary: '政策参数：公报未规定、由其他文件、法律或本系统设定的规则，各注明来源',
      tags: ['policy'],
      access: 'user',
      responses: {
        200: { description: '全部参数', schema: z.object({ settings: z.array(SettingView) }) },
      },
      handler: async ({ res }) => {
        const all = await currentPolicy(ctx.db);
        res.json({ settings: all.map(({ setting, state }) => settingView(setting, state)) });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/policy/:key',
      operationId: 'changePolicySetting',
      summary: '修改一项政策参数（写明理由，记入变更记录）',
      description:
        '新值只用于修改之后新启动的流程（如新立案的违法占地案件、新批准的临时用地）；已在运行的流程保留启动时的值（每项见 appliesTo.takesEffect）。' +
        '固定在流程代码中的参数（appliesTo.fixedIn）在此只读，修改答 409。' +
        `可修改的参数：${POLICY_SETTINGS.filter(isChangeable)
          .map((s) => s.key)
          .join('、')}。`,
      tags: ['policy'],
      access: GatewayGrants['change-policy'],
      params: KeyParams,
      body: ChangeBody,
      responses: { 200: { description: '已修改', schema: SettingView } },
      problems: { 404: '没有这项参数', 409: '该参数固定在流程代码中，或刚被他人修改' },
      handler: async ({ params, body, user, res }) => {
        const setting = known(params.key);
        if (!isChangeable(setting)) {
          const where = 'fixedIn' in setting.appliesTo ? setting.appliesTo.fixedIn : '';
          throw problems.conflict(`${setting.label}固定在 ${where}，此处只读`);
        }
        const { value } = parsePart('body', z.object({ value: setting.valueSchema }), { value: body.value });
        try {
          await changePolicySetting(ctx.db, setting, {
            to: value,
            reason: body.reason,
            by: { username: user.username, name: user.name, role: user.role, unitCode: user.unitCode },
            at: ctx.now(),
          });
        } catch (error) {
          if (error instanceof PolicyChangeConflict) throw problems.conflict(error.message);
          throw error;
        }
        res.json(settingView(setting, await settingState(ctx.db, setting)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/policy/:key/history',
      operationId: 'policySettingHistory',
      summary: '一项政策参数的变更记录（谁、单位、何时、原值 → 新值、理由），新的在前',
      tags: ['policy'],
      access: 'user',
      params: KeyParams,
      responses: { 200: { description: '变更记录', schema: z.object({ changes: z.array(ChangeView) }) } },
      problems: { 404: '没有这项参数' },
      handler: async ({ params, res }) => {
        const setting = known(params.key);
        res.json({ changes: (await policyHistory(ctx.db, setting.key)).map(changeView) });
      },
    }),
  ];
}
