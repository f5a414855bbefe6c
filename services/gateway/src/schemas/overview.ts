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
      daysOverdue: z.number().int(),
    }),
  ),
});
