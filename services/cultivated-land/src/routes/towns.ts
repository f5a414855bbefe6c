// Each town: its latest rectification, its latest assessment, whether land business is held (三(十)).
import { defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { assessments, rectifications, suspensions } from '../collections';
import { SuspensionView, TownParams, TownsResponse } from '../schemas';
import { landTown, landTowns } from '../towns';
import { CL_TAGS, suspensionView } from './views';

export function townRoutes(ctx: ProcessRouteContext): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/land/towns',
      operationId: 'listLandTowns',
      summary: '各镇(场)：整改进度、考核结果、土地业务是否暂停',
      tags: CL_TAGS,
      access: 'user',
      responses: { 200: { description: '各镇(场)', schema: TownsResponse } },
      handler: async ({ res }) => {
        const [allR, allA, allS] = await Promise.all([
          rectifications(ctx.db).find({}).toArray(),
          assessments(ctx.db).find({}).toArray(),
          suspensions(ctx.db).find({}).toArray(),
        ]);
        const latest =
          <T extends { townCode: string }>(list: T[], key: (t: T) => string) =>
          (code: string) =>
            list.filter((x) => x.townCode === code).sort((x, y) => key(y).localeCompare(key(x)))[0] ?? null;
        const rOf = latest(allR, (r) => r.createdAt);
        const aOf = latest(allA, (a) => `${a.year}|${a.createdAt}`);
        res.json({
          towns: landTowns().map((t) => {
            const r = rOf(t.code);
            const a = aOf(t.code);
            return {
              townCode: t.code,
              townName: t.shortName,
              rectification: r
                ? {
                    rectificationId: r.rectificationId,
                    campaignId: r.campaignId,
                    phase: r.phase,
                    colour: r.colour,
                    currentStep: r.steps.find((s) => s.state === 'open')?.title ?? null,
                  }
                : null,
              assessment: a
                ? {
                    assessmentId: a.assessmentId,
                    year: a.year,
                    phase: a.phase,
                    outcome: a.result?.outcome ?? null,
                    colour: a.colour,
                    escalated: a.escalatedAt !== null,
                  }
                : null,
              suspension: suspensionView(t.code, t.shortName, allS.find((s) => s._id === t.code) ?? null),
            };
          }),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/land/towns/:townCode/suspension',
      operationId: 'getLandTownSuspension',
      summary: '一个镇(场)的土地管理业务是否暂停（三(十)）',
      tags: CL_TAGS,
      access: 'user',
      params: TownParams,
      responses: { 200: { description: '暂停状态；暂停时 reason 写明考核', schema: SuspensionView } },
      problems: { 404: '不是镇(场)' },
      handler: async ({ params, res }) => {
        const town = landTown(params.townCode);
        if (!town) throw problems.notFound(`${params.townCode} 不是镇(场)`);
        const doc = await suspensions(ctx.db).findOne({ _id: town.code });
        res.json(suspensionView(town.code, town.shortName, doc));
      },
    }),
  ];
}
