// Test helper (not part of the runtime): the yearly assessment's facts about a town's land
// business, published on the bus as the cultivated-land workflow would, for the land-use tests.
import { publishEvent, type Bus, type PublishResult } from '@duban/bus';
import {
  CL_DOC_NO,
  CultivatedEvents,
  type AssessmentSnapshot,
  type Suspension,
} from '@duban/workflow-cultivated-land/client';

export interface SuspensionFact {
  /** Event id. */
  id: string;
  /** The fact's time (ISO): a later fact wins. */
  time: string;
  suspension: Suspension;
  townName: string;
}

/** The assessment as it stands with that suspension: criticised, rectifying, or closed once lifted. */
function assessmentOf({ suspension: s, townName, time }: SuspensionFact): AssessmentSnapshot {
  const targets = { cultivatedLandMu: 100, basicFarmlandMu: 80, highStandardMu: 10 };
  const lifted = s.liftedAt !== null;
  return {
    assessmentId: s.assessmentId,
    year: s.year,
    townCode: s.townCode,
    townName,
    docNo: CL_DOC_NO,
    ref: '三(十)',
    phase: lifted ? 'closed' : 'rectifying',
    targets,
    reportDeadline: `${s.year + 1}-01-31`,
    actuals: { ...targets, highStandardMu: 5 },
    reportedAt: s.since,
    result: {
      outcome: 'criticised',
      shortfalls: [
        { target: 'highStandardMu', label: '高标准农田建设面积', targetMu: 10, actualMu: 5, shortfallMu: 5 },
      ],
      summary: '通报批评：高标准农田建设面积未完成',
      assessedAt: s.since,
      assessedBy: 'bureau-natres',
      assessors: ['natres', 'agri', 'stats'],
    },
    rectificationDeadline: s.rectificationDeadline,
    rectificationReports: [],
    suspension: s,
    escalatedAt: null,
    openStep: null,
    colour: lifted ? 'none' : 'green',
    createdAt: s.since,
    setBy: 'bureau-natres',
    closedAt: lifted ? time : null,
    version: lifted ? 8 : 4,
  };
}

/** Publishes `LandBusinessSuspended`, or `SuspensionLifted` when the suspension is lifted. */
export function publishSuspensionFact(bus: Bus, fact: SuspensionFact): Promise<PublishResult> {
  const def =
    fact.suspension.liftedAt === null
      ? CultivatedEvents.LandBusinessSuspended
      : CultivatedEvents.SuspensionLifted;
  return publishEvent(bus.js, {
    type: def.type,
    id: fact.id,
    source: 'duban/tests/land-use',
    subject: fact.suspension.assessmentId,
    time: fact.time,
    data: { assessment: assessmentOf(fact), suspension: fact.suspension },
    actorId: 'bureau-natres',
  });
}
