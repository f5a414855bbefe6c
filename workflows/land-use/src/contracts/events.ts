import { z } from 'zod';
import { defineEvent, registerEvents, ColourSchema } from '@duban/contracts';
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

/**
 * A fact of this process, version 1. Its token is the process name; these facts were published
 * as `landuse` before, and events stored under that name are read as these types.
 */
const fact = <const Fact extends string, Schema extends z.ZodType>(name: Fact, schema: Schema) =>
  defineEvent('land_use', name, 1, schema, { formerlyOf: ['landuse'] });

/** Facts of the compensation ledger and the illegal-occupation cases (青政办发〔2019〕28号). */
export const LandUseEvents = registerEvents({
  CompensationAccepted: fact(
    'compensation_accepted',
    z.object({ ...ledger, parcel: CompensationParcelSchema }),
  ),
  OccupationApproved: fact('occupation_approved', z.object(occupation)),
  OccupationRefused: fact('occupation_refused', z.object({ ...occupation, refusal: RefusalSchema })),
  OccupationQueued: fact(
    'occupation_queued',
    z.object({ ...occupation, refusal: RefusalSchema, position: z.number().int() }),
  ),
  TemporaryOccupationApproved: fact('temporary_occupation_approved', z.object(occupation)),
  ReclamationColourChanged: fact(
    'reclamation_colour_changed',
    z.object({ ...occupation, from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  ReclamationConfirmed: fact('reclamation_confirmed', z.object(occupation)),
  CaseRegistered: fact('case_registered', z.object(landCase)),
  CaseStepCompleted: fact(
    'case_step_completed',
    z.object({ ...landCase, step: z.string(), note: z.string().nullable() }),
  ),
  CaseListedForSupervision: fact(
    'case_listed_for_supervision',
    z.object({ ...landCase, reason: z.string() }),
  ),
  CaseTransferred: fact(
    'case_transferred',
    z.object({ ...landCase, to: TransferBodySchema, bodyName: z.string(), reason: z.string() }),
  ),
  CaseExposed: fact('case_exposed', z.object({ ...landCase, channel: z.string(), summary: z.string() })),
  CaseDeadlineExtended: fact(
    'case_deadline_extended',
    z.object({ ...landCase, newDeadline: z.string(), previous: z.string(), reason: z.string() }),
  ),
  CaseColourChanged: fact(
    'case_colour_changed',
    z.object({ ...landCase, from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  CaseClosed: fact('case_closed', z.object(landCase)),
});

declare module '@duban/contracts/registry' {
  interface EventDomains {
    'land-use': typeof LandUseEvents;
  }
}
