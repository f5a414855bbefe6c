import { z } from 'zod';
import { defineEvent } from '../define';
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
export const LandUseEvents = {
  CompensationAccepted: defineEvent(
    'landuse',
    'compensation_accepted',
    z.object({ ...ledger, parcel: CompensationParcelSchema }),
  ),
  OccupationApproved: defineEvent('landuse', 'occupation_approved', z.object(occupation)),
  OccupationRefused: defineEvent(
    'landuse',
    'occupation_refused',
    z.object({ ...occupation, refusal: RefusalSchema }),
  ),
  OccupationQueued: defineEvent(
    'landuse',
    'occupation_queued',
    z.object({ ...occupation, refusal: RefusalSchema, position: z.number().int() }),
  ),
  TemporaryOccupationApproved: defineEvent('landuse', 'temporary_occupation_approved', z.object(occupation)),
  ReclamationColourChanged: defineEvent(
    'landuse',
    'reclamation_colour_changed',
    z.object({ ...occupation, from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  ReclamationConfirmed: defineEvent('landuse', 'reclamation_confirmed', z.object(occupation)),
  CaseRegistered: defineEvent('landuse', 'case_registered', z.object(landCase)),
  CaseStepCompleted: defineEvent(
    'landuse',
    'case_step_completed',
    z.object({ ...landCase, step: z.string(), note: z.string().nullable() }),
  ),
  CaseListedForSupervision: defineEvent(
    'landuse',
    'case_listed_for_supervision',
    z.object({ ...landCase, reason: z.string() }),
  ),
  CaseTransferred: defineEvent(
    'landuse',
    'case_transferred',
    z.object({ ...landCase, to: TransferBodySchema, bodyName: z.string(), reason: z.string() }),
  ),
  CaseDeadlineExtended: defineEvent(
    'landuse',
    'case_deadline_extended',
    z.object({ ...landCase, newDeadline: z.string(), previous: z.string(), reason: z.string() }),
  ),
  CaseColourChanged: defineEvent(
    'landuse',
    'case_colour_changed',
    z.object({ ...landCase, from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  CaseClosed: defineEvent('landuse', 'case_closed', z.object(landCase)),
} as const;
