import { z } from 'zod';
import { ColourSchema } from '@duban/contracts';

const ColourCounts = z
  .object({ green: z.number(), blue: z.number(), yellow: z.number(), red: z.number(), none: z.number() })
  .meta({ id: 'ColourCounts', description: '按预警颜色计数' });

export const OverviewView = z.object({
  today: z.string(),
  total: z.number().int().meta({ description: '全部事项（含已销号）' }),
  open: z.number().int().meta({ description: '未销号事项' }),
  closed: z.number().int(),
  byColour: ColourCounts.meta({ description: '未销号事项按总体颜色计数' }),
  byUnit: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string().nullable(),
      open: z.number().int(),
      colours: ColourCounts,
    }),
  ),
  byDocument: z.array(z.object({ docNo: z.string(), open: z.number().int(), colours: ColourCounts })),
  byProcess: z
    .array(
      z.object({
        process: z.string(),
        label: z.string(),
        counted: z.string().meta({ description: '计数的对象：事项、个案、整改与考核、案件…' }),
        open: z.number().int(),
        colours: ColourCounts,
      }),
    )
    .meta({ description: '每个流程未办结的对象按颜色计数（督办事项即上面的 open/byColour）' }),
  longestOverdue: z.array(
    z.object({
      itemId: z.string(),
      docNo: z.string(),
      ref: z.string(),
      title: z.string(),
      leadUnits: z.array(z.string()),
      state: z.string(),
      colour: ColourSchema,
      deadline: z.string(),
      overdueSince: z.string().meta({
        description:
          '逾期起算日：这一条的时间节点（一条有多个节点的，每个未完成且已过期的节点各一行），没有节点则为办理期限',
      }),
      milestone: z
        .string()
        .nullable()
        .meta({ description: '起算的时间节点（如“于2019年6月底前”）；按办理期限起算时为 null' }),
      daysOverdue: z.number().int().meta({ description: '自逾期起算日至今天的天数' }),
    }),
  ),
});
