import { z } from 'zod';
import { ColourSchema, ProcessNameSchema } from '@duban/contracts';

export const PendingExtensionView = z
  .object({
    process: ProcessNameSchema,
    itemId: z.string(),
    href: z.string().meta({ description: '控制台中该对象的页面（#/…）' }),
    title: z.string(),
    docNo: z.string(),
    ref: z.string(),
    steps: z.array(z.string()).meta({ description: '申请延期的步骤（督办事项只有一个期限：空）' }),
    unitCode: z.string(),
    unitName: z.string().nullable(),
    requestedBy: z.string(),
    requestedAt: z.iso.datetime({ offset: true }),
    currentDeadline: z.string().nullable(),
    requestedDeadline: z.string(),
    reason: z.string(),
    colour: ColourSchema,
    decide: z
      .object({ path: z.string(), body: z.record(z.string(), z.string()), textField: z.string() })
      .meta({
        description:
          '审批方法：POST path，请求体为 { ...body, approve, [textField]: 意见 }（各流程字段名不同）',
      }),
  })
  .meta({ id: 'PendingExtension' });

export const PendingExtensionsPage = z.object({
  total: z.number().int(),
  requests: z.array(PendingExtensionView),
});
