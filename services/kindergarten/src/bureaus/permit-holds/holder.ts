import type { HoldKind } from '@duban/workflow-kindergarten/client';
import type { Collection, Db } from 'mongodb';
import type { PermitHoldDoc } from '../../collections';

/** A bureau that holds one kind of permit of a residential project while its case is open. */
export interface PermitHolderSpec {
  unitCode: string;
  /** The permit the bureau grants and holds (三(一)). */
  holdKind: HoldKind;
  /** Its own read model of held permits. */
  permits: (db: Db) => Collection<PermitHoldDoc>;
  /** Default durable consumer name. */
  durable: string;
}

export interface PermitHolder {
  unitCode: string;
  holdKind: HoldKind;
  permits: Collection<PermitHoldDoc>;
}
