// Alerts reach people where they are (issue 19): e-mail, 企业微信/钉钉 group robots and an SMS
// webhook, from an outbox that loses nothing and repeats nothing.
export { loadDeliveryConfig, secretsOf } from './config';
export type { DeliveryConfig, RobotConfig } from './config';
export { Secret, scrub } from './secret';
export { startDeliveryService, DELIVERY_DURABLE } from './service';
export type { DeliveryService, DeliveryServiceOptions } from './service';
export { outbox, OUTBOX } from './outbox';
export type { OutboxDoc } from './outbox';
export { subscriptions, SUBSCRIPTIONS } from './collections';
export { dingtalkSign } from './channels/dingtalk';
export { deliveryModule } from './process';
export { deliveryRoutes } from './routes';
