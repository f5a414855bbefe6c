import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ClaimVerifiedSignal,
  SettlementCommand,
  SettlementSnapshot,
  TripCommand,
  TripSnapshot,
} from './contracts/index';

// Imported by the worker and by every client (the tourism service): one place for these names.
export const TOURISM_TASK_QUEUE = 'duban-tourism';

/** An action on one trip: claim, confirm-count, verify, reject. Answers the trip after it. */
export const tripActionUpdate = defineUpdate<TripSnapshot, [TripCommand]>('tripAction');
export const tripQuery = defineQuery<TripSnapshot>('trip');

/** An action on an agency's year: record-line, void, settle. Answers the settlement after it. */
export const settlementActionUpdate = defineUpdate<SettlementSnapshot, [SettlementCommand]>(
  'settlementAction',
);
export const settlementQuery = defineQuery<SettlementSnapshot>('settlement');
/** A trip's claim was verified: it counts in its agency's year (sent by the trip workflow). */
export const claimVerifiedSignal = defineSignal<[ClaimVerifiedSignal]>('claimVerified');
