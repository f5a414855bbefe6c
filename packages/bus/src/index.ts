export { connectBus } from './connection';
export type { Bus } from './connection';
export { ensureStreams, defaultStreamOptions } from './streams';
export type { StreamOptions } from './streams';
export { publishEvent, publishBuilt, publisherOn } from './publisher';
export type { PublishResult } from './publisher';
export { startConsumer } from './consumer';
export type {
  ConsumerOptions,
  ConsumerStats,
  EventHandler,
  EventHandlers,
  HandlerContext,
  RunningConsumer,
} from './consumer';
export { listDeadLetters } from './deadletters';
export type { DeadLetter } from './deadletters';
export type { HandledEventLedger } from './ledger';
export { JetStreamHandledEventLedger } from './handled-ledger';
export { BusError, MissingHandlerError, PublishNotStoredError } from './errors';
export { DEAD_LETTER_STREAM, EVENTS_STREAM, HANDLED_BUCKET } from './names';
export { publishStepEvent } from './steps';
export type { RebuildableReadModel, ReadModelDeps } from './rebuildable';
export { consumerBacklogs } from './backlog';
export type { ConsumerBacklog } from './backlog';
export { observeConsumers } from './observe';
export type { ConsumedEvent, ConsumerObserver } from './observe';
export { InfrastructureUnavailableError, isInfrastructureFailure } from './infrastructure';
