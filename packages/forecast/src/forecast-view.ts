import { z } from 'zod';
import { CivilDateQuery } from '@duban/http';

export const Knobs = z
  .object({
    /** A unit this many working days slower per step (negative: faster). */
    slower: z
      .array(
        z.object({ unit: z.string().min(1).max(60), days: z.number().int().min(-250).max(250) }).strict(),
      )
      .max(20)
      .optional(),
    /** An extension granted: every open date of an item, or of every item a unit leads, moved on. */
    extensions: z
      .array(
        z
          .object({
            itemId: z.string().min(1).max(200).optional(),
            unit: z.string().min(1).max(60).optional(),
            days: z.number().int().min(1).max(730),
          })
          .strict()
          .refine((e) => (e.itemId === undefined) !== (e.unit === undefined), '给出 itemId 或 unit 之一'),
      )
      .max(20)
      .optional(),
  })
  .strict();

export const ForecastRequest = z
  .object({
    docNo: z.string().min(1).max(100),
    /** Default: today. */
    startOn: CivilDateQuery.optional(),
    /** Working days per step for a unit without measured medians; default: policy forecast.step-working-days. */
    days: z.number().int().min(1).max(250).optional(),
    /** The what-if: simulated beside the forecast without it, on the same server and clock. */
    whatIf: Knobs.optional(),
  })
  .strict();
export type ForecastRequest = z.infer<typeof ForecastRequest>;

const day = z.string().nullable();
const Milestone = z.object({
  key: z.string(),
  date: z.string(),
  doneOn: day,
  blueFrom: day,
  redFrom: day,
  lateDays: z.number(),
});
const Item = z.object({
  itemId: z.string(),
  ref: z.string(),
  title: z.string(),
  leadUnits: z.array(z.string()),
  cooperatingUnits: z.array(z.string()),
  deadline: day,
  extensionDays: z.number(),
  predictedCompletion: day,
  milestones: z.array(Milestone),
  blueFrom: day,
  yellowFrom: day,
  redFrom: day,
  colours: z.array(z.object({ scope: z.string(), from: z.string(), to: z.string(), on: z.string() })),
  lateUnits: z.array(z.string()),
  late: z.boolean(),
});
const Scenario = z.object({
  key: z.string(),
  whatIf: Knobs,
  items: z.array(Item),
  lateItems: z.array(z.string()),
  lateUnits: z.array(z.object({ unit: z.string(), lateItems: z.array(z.string()) })),
  load: z.array(z.object({ unit: z.string(), week: z.string(), steps: z.number() })),
  refused: z.array(z.object({ itemId: z.string(), action: z.string(), on: z.string(), reason: z.string() })),
});
const Result = z.object({
  docNo: z.string(),
  startOn: z.string(),
  engine: z.literal('temporal-time-skipping'),
  defaultDays: z.number(),
  durations: z.array(
    z.object({
      unit: z.string(),
      kind: z.enum(['step', 'subtask']),
      days: z.number(),
      source: z.enum(['measured', 'default']),
      samples: z.number(),
    }),
  ),
  undatedItems: z.array(z.object({ itemId: z.string(), ref: z.string(), title: z.string() })),
  /** `base`: the durations as they are; `what-if`: with the knobs, when any were given. */
  scenarios: z.array(Scenario),
  timings: z.object({ bundleMs: z.number(), serverMs: z.number(), runMs: z.number() }),
});
export type ForecastResult = z.infer<typeof Result>;

export const ForecastRunView = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  /** Runs ahead of this one in the queue. */
  position: z.number(),
  request: ForecastRequest,
  submittedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  result: Result.nullable(),
  error: z.string().nullable(),
});
