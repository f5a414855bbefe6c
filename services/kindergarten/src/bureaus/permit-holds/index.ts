import {
  startConsumer,
  type Bus,
  type EventHandler,
  type RunningConsumer,
  JetStreamHandledEventLedger,
} from '@duban/bus';
import type { Db } from 'mongodb';
import { bureauInboxHandlers, onCaseFactForInbox } from '../inbox';
import * as lifted from './handlers/hold-lifted';
import * as placed from './handlers/hold-placed';
import type { PermitHolderSpec } from './holder';

export type { PermitHolderSpec } from './holder';

/**
 * A permit-holding bureau's module (住建局, 自然资源局): its own durable consumer keeping its own
 * held permits and its inbox entries; runnable alone. The bureaus differ only in their data.
 */
export function permitHoldModule(spec: PermitHolderSpec) {
  return async (deps: { bus: Bus; db: Db; durable?: string }): Promise<RunningConsumer> => {
    const holder = { unitCode: spec.unitCode, holdKind: spec.holdKind, permits: spec.permits(deps.db) };
    const inbox = onCaseFactForInbox(deps.db, spec.unitCode);
    // A hold fact is also a case fact: the bureau's inbox follows it as well.
    const withInbox =
      <E>(hold: (event: E) => Promise<void>) =>
      async (event: E) => {
        await hold(event);
        await inbox(event as never);
      };
    return startConsumer(deps.bus, {
      durable: deps.durable ?? spec.durable,
      ledger: new JetStreamHandledEventLedger(deps.bus),
      handlers: {
        ...bureauInboxHandlers(deps.db, spec.unitCode),
        [placed.handles.type]: withInbox(placed.onHoldPlaced(holder)) as EventHandler<
          typeof placed.handles.type
        >,
        [lifted.handles.type]: withInbox(lifted.onHoldLifted(holder)) as EventHandler<
          typeof lifted.handles.type
        >,
      },
    });
  };
}
