import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AcceptCompensation,
  LandCaseCommand,
  LandCaseSnapshot,
  LedgerCommand,
  LedgerSnapshot,
  Occupation,
  RequestOccupationBody,
} from './contracts/index';
import type { TownSuspension } from './suspension';

// Imported by the worker and by every client (the land-use service): one place for these names.
export const LAND_USE_TASK_QUEUE = 'duban-land-use';

/** 补充耕地验收入库. `suspendedTowns`: towns whose waiting requests must keep waiting (三(十)). */
export type AcceptCompensationCommand = LedgerCommand<AcceptCompensation> & { suspendedTowns?: string[] };
export type RequestOccupationCommand = LedgerCommand<RequestOccupationBody> & { reclamationYears?: number };
export type ConfirmReclamationCommand = LedgerCommand<{ occupationId: string; note?: string }>;

export const acceptCompensationUpdate = defineUpdate<LedgerSnapshot, [AcceptCompensationCommand]>(
  'acceptCompensation',
);
export const requestOccupationUpdate = defineUpdate<
  { occupation: Occupation; ledger: LedgerSnapshot },
  [RequestOccupationCommand]
>('requestOccupation');
export const confirmReclamationUpdate = defineUpdate<Occupation, [ConfirmReclamationCommand]>(
  'confirmReclamation',
);
export const ledgerQuery = defineQuery<LedgerSnapshot>('ledger');

/**
 * 三(十): the assessment's fact about a town's land business (suspended or lifted), as the
 * land-use service learned it from the cultivated-land events. Sent with an Update id derived from
 * the event id, so a redelivered event acts once; an older fact changes nothing either way.
 */
export interface TownSuspensionCommand {
  suspension: TownSuspension;
}
/** Answers the town's suspension as the ledger holds it after the fact. */
export const townSuspensionUpdate = defineUpdate<TownSuspension | null, [TownSuspensionCommand]>(
  'townSuspension',
);
/** Towns whose land business the ledger holds suspended. */
export const suspendedTownsQuery = defineQuery<string[]>('suspendedTowns');

export const landCaseActionUpdate = defineUpdate<LandCaseSnapshot, [LandCaseCommand]>('landCaseAction');
export const landCaseQuery = defineQuery<LandCaseSnapshot>('landCase');
