import { z } from 'zod';
import { ALL_ROLES, type Role } from '@duban/contracts';
import { defineRoute, problems, type Principal, type ProcessRouteContext, type Route } from '@duban/http';
import { subscriptions } from './collections';
import { loadDeliveryConfig } from './config';
import { outbox } from './outbox';
import {
  ChannelsSchema,
  SUBSCRIPTION_KINDS,
  SubscriptionKindSchema,
  defaultKinds,
  subscriptionId,
  type SubscriptionDoc,
  type SubscriptionOwner,
} from './subscriptions';

const TAGS = ['delivery'];

const SubscriptionView = z.object({
  owner: z.object({
    type: z.enum(['user', 'unit']),
    username: z.string().optional(),
    unitCode: z.string().nullable().optional(),
  }),
  channels: ChannelsSchema,
  kinds: z.array(SubscriptionKindSchema),
  /** True while the owner has not chosen: the kinds are its role's defaults. */
  defaults: z.boolean(),
});
const Choices = z.object({
  kinds: z.array(z.object({ kind: SubscriptionKindSchema, label: z.string() })),
  /** The configured group robots by name (their addresses hold keys and are never shown). */
  robots: z.array(z.object({ name: z.string(), kind: z.enum(['wecom', 'dingtalk']) })),
  channels: z.object({ email: z.boolean(), sms: z.boolean() }),
});
const SubscriptionBody = z.object({
  channels: ChannelsSchema,
  /** null: back to the defaults. */
  kinds: z.array(SubscriptionKindSchema).max(10).nullable(),
});
const DeadLetter = z.object({
  deliveryId: z.string(),
  channel: z.string(),
  recipient: z.string(),
  title: z.string(),
  itemId: z.string(),
  process: z.string(),
  attempts: z.number().int(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  deadAt: z.string().nullable(),
});

function ownerOfUser(user: Principal): SubscriptionOwner {
  return { type: 'user', username: user.username, role: user.role as Role, unitCode: user.unitCode };
}

function view(owner: SubscriptionOwner, doc: SubscriptionDoc | null): z.infer<typeof SubscriptionView> {
  return {
    owner:
      owner.type === 'user' ? { type: 'user', username: owner.username, unitCode: owner.unitCode } : owner,
    channels: doc?.channels ?? {},
    kinds: doc?.kinds ?? defaultKinds(owner),
    defaults: !doc || doc.kinds === null,
  };
}

/** 提醒设置 and the admins' dead letters, under /api/delivery. */
export function deliveryRoutes(ctx: ProcessRouteContext): Route[] {
  // Read (and checked) when the gateway starts; only names leave this function.
  const config = loadDeliveryConfig();
  const robotNames = new Set(config.robots.map((r) => r.name));
  const checkRobot = (channels: z.infer<typeof ChannelsSchema>) => {
    if (channels.robot && !robotNames.has(channels.robot))
      throw problems.notFound(`没有名为“${channels.robot}”的群机器人`);
  };
  const save = async (owner: SubscriptionOwner, body: z.infer<typeof SubscriptionBody>) => {
    checkRobot(body.channels);
    const doc: SubscriptionDoc = {
      _id: subscriptionId(owner),
      owner,
      channels: body.channels,
      kinds: body.kinds,
      updatedAt: ctx.now(),
    };
    await subscriptions(ctx.db).replaceOne({ _id: doc._id }, doc, { upsert: true });
    return doc;
  };
  const unitOwner = (user: Principal, unitCode: string): SubscriptionOwner => {
    if (user.role === 'bureau' && user.unitCode !== unitCode)
      throw problems.forbidden('只能设置本单位的提醒');
    return { type: 'unit', unitCode };
  };
  const UnitParams = z.object({ unitCode: z.string().min(1).max(60) });

  return [
    defineRoute({
      access: 'user',
      method: 'get',
      path: '/delivery/choices',
      operationId: 'deliveryChoices',
      summary: '提醒设置的选项：提醒种类、已配置的群机器人（仅名称）、已开通的渠道',
      tags: TAGS,
      responses: { 200: { description: '选项', schema: Choices } },
      handler: ({ res }) => {
        res.json({
          kinds: Object.entries(SUBSCRIPTION_KINDS).map(([kind, label]) => ({ kind, label })),
          robots: config.robots.map((r) => ({ name: r.name, kind: r.kind })),
          channels: { email: config.smtp !== null, sms: config.sms !== null },
        });
      },
    }),
    defineRoute({
      access: 'user',
      method: 'get',
      path: '/delivery/subscriptions/me',
      operationId: 'mySubscription',
      summary: '本人的提醒设置（未设置时为角色默认）',
      tags: TAGS,
      responses: { 200: { description: '提醒设置', schema: SubscriptionView } },
      handler: async ({ user, res }) => {
        const owner = ownerOfUser(user);
        res.json(view(owner, await subscriptions(ctx.db).findOne({ _id: subscriptionId(owner) })));
      },
    }),
    defineRoute({
      access: { roles: ALL_ROLES, owner: '本人' },
      method: 'put',
      path: '/delivery/subscriptions/me',
      operationId: 'setMySubscription',
      summary: '设置本人的提醒：渠道（邮箱、手机、群机器人）与提醒种类',
      tags: TAGS,
      body: SubscriptionBody,
      responses: { 200: { description: '已保存', schema: SubscriptionView } },
      problems: { 404: '没有这个群机器人' },
      handler: async ({ user, body, res }) => {
        const owner = ownerOfUser(user);
        res.json(view(owner, await save(owner, body)));
      },
    }),
    defineRoute({
      access: { roles: ['bureau', 'inspector', 'admin'], owner: '本单位' },
      method: 'get',
      path: '/delivery/subscriptions/units/:unitCode',
      operationId: 'unitSubscription',
      summary: '单位的提醒设置（本单位事项发往何处）',
      tags: TAGS,
      params: UnitParams,
      responses: { 200: { description: '提醒设置', schema: SubscriptionView } },
      handler: async ({ user, params, res }) => {
        const owner = unitOwner(user, params.unitCode);
        const doc = await subscriptions(ctx.db).findOne({ _id: subscriptionId(owner) });
        const configured = config.robots.find((r) => r.units.includes(params.unitCode));
        res.json(
          view(owner, doc ?? (configured ? { ...blank(owner), channels: { robot: configured.name } } : null)),
        );
      },
    }),
    defineRoute({
      access: { roles: ['bureau', 'admin'], owner: '本单位' },
      method: 'put',
      path: '/delivery/subscriptions/units/:unitCode',
      operationId: 'setUnitSubscription',
      summary: '设置单位的提醒：本单位事项发往哪个群机器人、邮箱或手机',
      tags: TAGS,
      params: UnitParams,
      body: SubscriptionBody,
      responses: { 200: { description: '已保存', schema: SubscriptionView } },
      problems: { 404: '没有这个群机器人' },
      handler: async ({ user, params, body, res }) => {
        const owner = unitOwner(user, params.unitCode);
        res.json(view(owner, await save(owner, body)));
      },
    }),
    defineRoute({
      access: { roles: ['admin'] },
      method: 'get',
      path: '/delivery/dead-letters',
      operationId: 'deliveryDeadLetters',
      summary: '未能送达的提醒及原因（管理员）',
      tags: TAGS,
      responses: { 200: { description: '死信', schema: z.object({ deadLetters: z.array(DeadLetter) }) } },
      handler: async ({ res }) => {
        const docs = await outbox(ctx.db).find({ status: 'dead' }).sort({ deadAt: -1 }).limit(500).toArray();
        res.json({
          deadLetters: docs.map((d) => ({
            deliveryId: d._id,
            channel: d.channel,
            recipient: d.recipient,
            title: d.message.title,
            itemId: d.about.itemId,
            process: d.about.process,
            attempts: d.attempts,
            reason: d.lastError,
            createdAt: d.createdAt.toISOString(),
            deadAt: d.deadAt?.toISOString() ?? null,
          })),
        });
      },
    }),
    defineRoute({
      access: { roles: ['admin'] },
      method: 'post',
      path: '/delivery/dead-letters/:deliveryId/retry',
      operationId: 'retryDeadLetter',
      summary: '重新投递一条死信（例如修正机器人配置之后）',
      tags: TAGS,
      params: z.object({ deliveryId: z.string().min(1).max(500) }),
      responses: { 204: { description: '已重新排队' } },
      problems: { 404: '没有这条死信' },
      handler: async ({ params, res }) => {
        // Looked up first: on FerretDB an update that matches nothing still creates the collection.
        if (!(await outbox(ctx.db).findOne({ _id: params.deliveryId, status: 'dead' })))
          throw problems.notFound('没有这条死信');
        const done = await outbox(ctx.db).updateOne(
          { _id: params.deliveryId, status: 'dead' },
          { $set: { status: 'pending', attempts: 0, nextAttemptAt: ctx.now(), deadAt: null } },
        );
        if (done.matchedCount === 0) throw problems.notFound('没有这条死信');
        res.status(204).end();
      },
    }),
  ];
}

function blank(owner: SubscriptionOwner): SubscriptionDoc {
  return { _id: subscriptionId(owner), owner, channels: {}, kinds: null, updatedAt: new Date(0) };
}
