import { z } from 'zod';
import { defineEvent } from '../define';
import { registerEvents } from '../registry';
import { ColourSchema } from '../supervision/model';
import {
  CompensationParcelSchema,
  LandCaseSnapshotSchema,
  LedgerSnapshotSchema,
  OccupationSchema,
  RefusalSchema,
  TransferBodySchema,
} from './model';

/** Ledger facts carry the ledger after them (balance, parcels, queue): projections are upserts. */
const ledger = { ledger: LedgerSnapshotSchema };
const occupation = { ...ledger, occupation: OccupationSchema };
const landCase = { case: LandCaseSnapshotSchema };

/** Facts of the compensation ledger and the illegal-occupation cases (青政办发〔2019〕28号). */
export const LandUseEvents = registerEvents({
  CompensationAccepted: defineEvent(
    'landuse',
    'compensation_accepted',
    1,
    z.object({ ...ledger, parcel: CompensationParcelSchema }),
  ),
  OccupationApproved: defineEvent('landuse', 'occupation_approved', 1, z.object(occupation)),
  OccupationRefused: defineEvent(
    'landuse',
    'occupation_refused',
    1,
    z.object({ ...occupation, refusal: RefusalSchema }),
  ),
  OccupationQueued: defineEvent(
    'landuse',
    'occupation_queued',
    1,
    z.object({ ...occupation, refusal: RefusalSchema, position: z.number().int() }),
  ),
  TemporaryOccupationApproved: defineEvent(
    'landuse',
    'temporary_occupation_approved',
    1,
    z.object(occupation),
  ),
  ReclamationColourChanged: defineEvent(
    'landuse',
    'reclamation_colour_changed',
    1,
    z.object({ ...occupation, from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  ReclamationConfirmed: defineEvent('landuse', 'reclamation_confirmed', 1, z.object(occupation)),
  CaseRegistered: defineEvent('landuse', 'case_registered', 1, z.object(landCase)),
  CaseStepCompleted: defineEvent(
    'landuse',
    'case_step_completed',
    1,
    z.object({ ...landCase, step: z.string(), note: z.string().nullable() }),
  ),
  CaseListedForSupervision: defineEvent(
    'landuse',
    'case_listed_for_supervision',
    1,
    z.object({ ...landCase, reason: z.string() }),
  ),
  CaseTransferred: defineEvent(
    'landuse',
    'case_transferred',
    1,
    z.object({ ...landCase, to: TransferBodySchema, bodyName: z.string(), reason: z.string() }),
  ),
  CaseDeadlineExtended: defineEvent(
    'landuse',
    'case_deadline_extended',
    1,
    z.object({ ...landCase, newDeadline: z.string(), previous: z.string(), reason: z.string() }),
  ),
  CaseColourChanged: defineEvent(
    'landuse',
    'case_colour_changed',
    1,
    z.object({ ...landCase, from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  CaseClosed: defineEvent('landuse', 'case_closed', 1, z.object(landCase)),
});

declare module '../registry' {
  interface EventDomains {
    'land-use': typeof LandUseEvents;
  }
}
