import { SupervisionEvents } from '@duban/workflow-supervision/client';
import {
  startConsumer,
  type Bus,
  type EventHandlers,
  type RunningConsumer,
  JetStreamHandledEventLedger,
} from '@duban/bus';
import type { Db } from 'mongodb';
import { ensureProjectorIndexes } from './collections';
import { onCloseRequested } from './handlers/close-requested';
import { onColourChanged } from './handlers/colour-changed';
import { onExtensionDecided } from './handlers/extension-decided';
import { onExtensionRequested } from './handlers/extension-requested';
import { onInstructionWritten } from './handlers/instruction-written';
import { onItemAssigned } from './handlers/item-assigned';
import { onItemClosed } from './handlers/item-closed';
import { onItemReturned } from './handlers/item-returned';
import { onItemRevised } from './handlers/item-revised';
import { onItemSigned } from './handlers/item-signed';
import {
  onHandbackDecided,
  onHandbackRequested,
  onHandlerAssigned,
  onItemArchived,
  onUrgeAnswered,
  onUrgeIssued,
  onUrgeOverdue,
} from './handlers/lifecycle';
import { onMilestoneCompleted } from './handlers/milestone-completed';
import { onOverdueEscalated } from './handlers/overdue-escalated';
import { onProgressReported } from './handlers/progress-reported';
import { onReviewStarted } from './handlers/review-started';

export const PROJECTOR_CONSUMER = 'projector';

export interface ProjectorDeps {
  bus: Bus;
  db: Db;
  /** Durable consumer name; tests pass their own to stay apart from other consumers. */
  durable?: string;
  maxHandlerFailures?: number;
  onError?: (error: unknown, context: { subject: string; sequence: number }) => void;
}

/** Every supervision event type, each to its handler (a type left out would be dead-lettered). */
export function projectorHandlers(db: Db): EventHandlers {
  return {
    [SupervisionEvents.ItemAssigned.type]: onItemAssigned(db),
    [SupervisionEvents.ItemSigned.type]: onItemSigned(db),
    [SupervisionEvents.ProgressReported.type]: onProgressReported(db),
    [SupervisionEvents.CloseRequested.type]: onCloseRequested(db),
    [SupervisionEvents.ReviewStarted.type]: onReviewStarted(db),
    [SupervisionEvents.ItemClosed.type]: onItemClosed(db),
    [SupervisionEvents.ItemReturned.type]: onItemReturned(db),
    [SupervisionEvents.ExtensionRequested.type]: onExtensionRequested(db),
    [SupervisionEvents.ExtensionDecided.type]: onExtensionDecided(db),
    [SupervisionEvents.InstructionWritten.type]: onInstructionWritten(db),
    [SupervisionEvents.ColourChanged.type]: onColourChanged(db),
    [SupervisionEvents.OverdueEscalated.type]: onOverdueEscalated(db),
    [SupervisionEvents.ItemRevised.type]: onItemRevised(db),
    [SupervisionEvents.MilestoneCompleted.type]: onMilestoneCompleted(db),
    // issue 23: 催办, 转办/改派, 承办人
    [SupervisionEvents.UrgeIssued.type]: onUrgeIssued(db),
    [SupervisionEvents.UrgeAnswered.type]: onUrgeAnswered(db),
    [SupervisionEvents.UrgeOverdue.type]: onUrgeOverdue(db),
    [SupervisionEvents.HandbackRequested.type]: onHandbackRequested(db),
    [SupervisionEvents.HandbackDecided.type]: onHandbackDecided(db),
    [SupervisionEvents.HandlerAssigned.type]: onHandlerAssigned(db),
    // 归档
    [SupervisionEvents.ItemArchived.type]: onItemArchived(db),
  };
}

/** Keeps `items`, `inbox` and `timeline` from the supervision events (DESIGN §2). */
export async function startProjectorService(deps: ProjectorDeps): Promise<RunningConsumer> {
  await ensureProjectorIndexes(deps.db);
  return startConsumer(deps.bus, {
    durable: deps.durable ?? PROJECTOR_CONSUMER,
    ledger: new JetStreamHandledEventLedger(deps.bus),
    maxHandlerFailures: deps.maxHandlerFailures,
    onError: deps.onError,
    handlers: projectorHandlers(deps.db),
  });
}
