// Who can be named on a new application (第三十五条(一)): the villages with their towns, and the
// signed-in unit (an operator files for itself, a village committee registers for an operator).
// The console's filing form is built from this; the registry includes units the office added.
import { z } from 'zod';
import { defineRoute, type ProcessRouteContext, type Route } from '@duban/http';
import { loadUnitRegistry } from '@duban/units/store';
import { LandTransferGrants } from '@duban/workflow-land-transfer/client';
import { LT_TAGS } from './applications';

const Unit = z.object({ code: z.string(), name: z.string(), kind: z.string() });
const PartiesView = z.object({
  self: Unit.nullable(),
  villages: z.array(
    z.object({ code: z.string(), name: z.string(), townCode: z.string(), townName: z.string() }),
  ),
});

export function partyRoutes(ctx: ProcessRouteContext): Route[] {
  return [
    defineRoute({
      access: LandTransferGrants.apply,
      method: 'get',
      path: '/land-transfer/parties',
      operationId: 'landTransferParties',
      summary: '提出流转申请时可选的村（及所在镇）和本单位（第三十五条(一)）',
      tags: LT_TAGS,
      responses: { 200: { description: '村和本单位', schema: PartiesView } },
      handler: async ({ user, res }) => {
        const units = (await loadUnitRegistry(ctx.db)).index.units;
        const byCode = new Map(units.map((u) => [u.code, u]));
        const self = user.unitCode ? byCode.get(user.unitCode) : undefined;
        const villages = units
          .filter((u) => u.kind === 'village' && u.parent && byCode.get(u.parent)?.kind === 'town')
          .map((u) => ({
            code: u.code,
            name: u.shortName || u.name,
            townCode: u.parent!,
            townName: byCode.get(u.parent!)!.name,
          }));
        res.json({ self: self ? { code: self.code, name: self.name, kind: self.kind } : null, villages });
      },
    }),
  ];
}
