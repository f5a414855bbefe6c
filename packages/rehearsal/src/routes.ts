import { z } from 'zod';
import { civilDateOf } from '@duban/calendar';
import { clock } from '@duban/contracts';
import { CivilDateQuery, defineRoute, problems, type Route } from '@duban/http';
import { NothingAhead, RehearsalBusy, type RehearsalClock } from './control';

const TAGS = ['rehearsal'];

const Status = z.object({
  rehearsal: z.literal(true),
  startedOn: z.string(),
  /** The simulated instant and its Shanghai date. */
  now: z.string(),
  today: z.string(),
  /** Simulated minus real milliseconds: the console's clock adds it. */
  offsetMs: z.number(),
  advancing: z.boolean(),
});
const AdvanceBody = z.union([
  z.object({ by: z.enum(['day', 'week', 'next-deadline']) }).strict(),
  z.object({ to: CivilDateQuery }).strict(),
]);
const Advanced = z.object({ from: z.string(), to: z.string(), today: z.string(), tookMs: z.number() });

/** Only a rehearsal mounts these: outside one, /api/rehearsal does not exist (404). */
export function rehearsalRoutes(control: RehearsalClock): Route[] {
  const status = async () => {
    await control.sync();
    return {
      rehearsal: true as const,
      startedOn: control.startedOn,
      now: clock.now().toISOString(),
      today: civilDateOf(clock.now()),
      offsetMs: clock.offsetMs(),
      advancing: control.busy,
    };
  };
  return [
    defineRoute({
      access: 'user',
      method: 'get',
      path: '/rehearsal',
      operationId: 'rehearsalStatus',
      summary: '演练模式：模拟日期与时钟',
      tags: TAGS,
      responses: { 200: { description: '演练时钟', schema: Status } },
      handler: async ({ res }) => {
        res.json(await status());
      },
    }),
    defineRoute({
      access: { roles: ['inspector', 'admin'] },
      method: 'post',
      path: '/rehearsal/advance',
      operationId: 'advanceRehearsal',
      summary: '演练模式：推进时钟（一天、一周、到下一个期限、到某日），待各流程与读模型跟上后答复',
      description:
        '到某日：该日 09:00（上海时间）。到下一个期限：最近一个未办结事项的期限或节点的次日 09:00（当日起为逾期）。',
      tags: TAGS,
      body: AdvanceBody,
      responses: { 200: { description: '已推进', schema: Advanced } },
      problems: { 409: '时钟正在推进，或目标不在当前模拟时间之后' },
      handler: async ({ body, res }) => {
        try {
          res.json(await control.advance(body));
        } catch (error) {
          if (error instanceof RehearsalBusy || error instanceof NothingAhead)
            throw problems.conflict(error.message);
          throw error;
        }
      },
    }),
  ];
}
