import { z } from 'zod';
import type { Db } from 'mongodb';
import { defineRoute, problems, type Principal, type Route } from '@duban/http';
import { normalizeMention, UnitEntrySchema, UnitKindSchema, type UnitEntry } from '@duban/units';
import {
  addUnitAlias,
  createUnit,
  ensureUnitRegistryIndexes,
  listUnitAdditions,
  loadUnitRegistry,
  removeUnitAlias,
  UnitChangeRefused,
  type Attribution,
} from '@duban/units/store';
import type { RouteContext } from '../deps';
import { GatewayGrants } from './grants';

// 单位管理 (issue 13): the registry is data the office extends. An import reports the names it
// does not know; the administrator maps each to an existing unit or creates the unit, and the
// next import resolves it (`loadUnitRegistry` reads these additions).

/** A name as a list item: no list separators inside, so that it can match one item. */
const UnitName = z
  .string()
  .trim()
  .min(2, '至少 2 个字')
  .max(60, '最多 60 个字')
  .regex(/^[^、,，;；:：\n]+$/u, '一个名称，不含顿号、逗号、分号或冒号')
  .refine((n) => normalizeMention(n).length >= 2, '名称至少 2 个字（不计空格与标点）');

const Change = z.object({
  username: z.string(),
  name: z.string(),
  at: z.iso.datetime({ offset: true }),
});

const UnitView = z
  .object({
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    kind: UnitKindSchema,
    parent: z.string().nullable(),
    aliases: z.array(z.string()).meta({ description: '所有名称（内置的与办公室添加的）' }),
    officeAliases: z
      .array(z.object({ alias: z.string(), added: Change }))
      .meta({ description: '办公室添加的名称（可删除）' }),
    created: Change.nullable().meta({ description: '办公室新建的单位：谁、何时；内置单位为 null' }),
  })
  .meta({ id: 'RegistryUnit' });

const UnitsList = z.object({ cityName: z.string(), units: z.array(UnitView) });

const CreateUnitBody = UnitEntrySchema.extend({
  name: UnitName,
  shortName: UnitName,
  kind: UnitKindSchema,
  aliases: z.array(UnitName).max(50).default([]),
})
  .strict()
  .meta({ id: 'CreateUnit' });

const CodeParams = z.object({ code: z.string().min(1).max(64) });
const AliasBody = z.object({ alias: UnitName }).strict();
const AliasParams = CodeParams.extend({ alias: z.string().min(1).max(60) });
const AliasView = z.object({ code: z.string(), alias: z.string(), added: Change });

const attribution = (user: Principal): Attribution => ({ username: user.username, name: user.name });
const changeView = (by: Attribution, at: Date) => ({
  username: by.username,
  name: by.name,
  at: at.toISOString(),
});

/** A refused change as the API's problem: 404, 409, or 400 naming the field. */
function refusal(error: unknown): unknown {
  if (!(error instanceof UnitChangeRefused)) return error;
  if (error.reason === 'not-found') return problems.notFound(error.message);
  if (error.reason === 'invalid')
    return problems.invalid([{ field: error.field ?? 'body', message: error.message }]);
  return problems.conflict(error.message, error.field ? { field: error.field } : undefined);
}

async function refusing<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    throw refusal(error);
  }
}

async function unitsList(db: Db): Promise<z.infer<typeof UnitsList>> {
  const [registry, additions] = await Promise.all([loadUnitRegistry(db), listUnitAdditions(db)]);
  return {
    cityName: registry.cityName,
    units: registry.index.units.map((unit) => {
      const created = additions.find((a) => a.type === 'unit' && a.code === unit.code);
      return {
        code: unit.code,
        name: unit.name,
        shortName: unit.shortName,
        kind: unit.kind,
        parent: unit.parent ?? null,
        aliases: unit.aliases,
        officeAliases: additions.flatMap((a) =>
          a.type === 'alias' && a.code === unit.code
            ? [{ alias: a.alias, added: changeView(a.createdBy, a.createdAt) }]
            : [],
        ),
        created: created ? changeView(created.createdBy, created.createdAt) : null,
      };
    }),
  };
}

export function unitRoutes(ctx: RouteContext): Route[] {
  let indexed: Promise<void> | undefined;
  const ready = () =>
    (indexed ??= ensureUnitRegistryIndexes(ctx.db).catch((e: unknown) => {
      indexed = undefined;
      throw e;
    }));
  return [
    defineRoute({
      method: 'get',
      path: '/units',
      operationId: 'listRegistryUnits',
      summary: '单位名录（含办公室添加的单位与名称）',
      tags: ['units'],
      access: GatewayGrants['manage-units'],
      responses: { 200: { description: '单位', schema: UnitsList } },
      handler: async ({ res }) => {
        res.json(await unitsList(ctx.db));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/units',
      operationId: 'createRegistryUnit',
      summary: '新建单位',
      description: '导入时遇到名录中没有的单位：新建后，再次导入即可识别它的名称与别名。',
      tags: ['units'],
      access: GatewayGrants['manage-units'],
      body: CreateUnitBody,
      responses: { 201: { description: '已新建', schema: UnitView } },
      problems: { 409: '代码或名称已属于另一个单位' },
      handler: async ({ body, user, res }) => {
        await ready();
        const at = ctx.now();
        const { parent, ...rest } = body;
        const entry: UnitEntry = { ...rest, ...(parent ? { parent } : {}) };
        await refusing(() => createUnit(ctx.db, entry, attribution(user), at));
        const view = (await unitsList(ctx.db)).units.find((u) => u.code === entry.code);
        res
          .status(201)
          .location(`/api/units/${encodeURIComponent(entry.code)}`)
          .json(view);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/units/:code/aliases',
      operationId: 'addRegistryUnitAlias',
      summary: '把一个名称对应到已有单位',
      description: '导入报告的未知名称（如“教体局”）记为该单位的别名，此后的导入都能识别。',
      tags: ['units'],
      access: GatewayGrants['manage-units'],
      params: CodeParams,
      body: AliasBody,
      responses: { 201: { description: '已添加', schema: AliasView } },
      problems: { 404: '没有这个单位', 409: '该名称已属于某个单位' },
      handler: async ({ params, body, user, res }) => {
        await ready();
        const at = ctx.now();
        const by = attribution(user);
        await refusing(() => addUnitAlias(ctx.db, params.code, body.alias, by, at));
        res.status(201).json({ code: params.code, alias: body.alias, added: changeView(by, at) });
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/units/:code/aliases/:alias',
      operationId: 'removeRegistryUnitAlias',
      summary: '删除办公室添加的名称',
      description: '只能删除办公室添加的名称；名录自带的名称不能删除。删除记入变更记录（谁、何时）。',
      tags: ['units'],
      access: GatewayGrants['manage-units'],
      params: AliasParams,
      responses: { 204: { description: '已删除' } },
      problems: { 404: '该单位没有办公室添加的这个名称' },
      handler: async ({ params, user, res }) => {
        await refusing(() =>
          removeUnitAlias(ctx.db, params.code, params.alias, attribution(user), ctx.now()),
        );
        res.status(204).end();
      },
    }),
  ];
}
