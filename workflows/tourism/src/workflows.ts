import {
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Actor, EventType } from '@duban/contracts';
import { ProcessLoop, plainClone, publishActivities, stepEvent } from '@duban/workflow-core';
import { checkStartInput, validating } from '@duban/workflow-core/input';
import {
  SettlementCommandSchema,
  StartSettlementSchema,
  StartTripSchema,
  TourismEvents,
  TripCommandSchema,
  settlementWorkflowId,
  type SettlementCommand,
  type StartSettlement,
  type StartTrip,
  type TripCommand,
} from './contracts/index';
import type { PendingTourismEvent, TourismActivities } from './activities';
import {
  claimVerifiedSignal,
  settlementActionUpdate,
  settlementQuery,
  tripActionUpdate,
  tripQuery,
} from './definitions';
import {
  applySettlementAction,
  checkSettlementAction,
  dueFacts,
  newSettlementState,
  nextSettlementWakeAt,
  recordClaim,
  type SettlementState,
} from './settlement';
import {
  applyTripAction,
  checkTripAction,
  colourFacts,
  newTripState,
  nextTripWakeAt,
  tripClosed,
  type TripFact,
  type TripState,
} from './trip';

const { publishTourismEvents } = publishActivities<TourismActivities>();

const tourismLoop = (subject: () => string) =>
  new ProcessLoop<PendingTourismEvent>(
    (events) => publishTourismEvents(workflowInfo().workflowId, subject(), events),
    20,
  );

/**
 * One trip of 引客入青 (青政办发〔2019〕34号 三): filed ahead of arrival (a late filing ends at once,
 * refused with the rule and the dates), claimed by the agency in its window with the warning
 * ladder (past it the trip is closed unclaimable), counts confirmed by the spots and the hotel,
 * reviewed by 旅游营销中心; a verified claim is told to the agency's settlement of the year.
 */
export async function tourismTripWorkflow(input: StartTrip | { resume: TripState }): Promise<void> {
  checkStartInput(StartTripSchema, input);
  const fresh = 'resume' in input ? null : newTripState(input, Date.now());
  const state = 'resume' in input ? input.resume : fresh!.state;
  const t = state.trip;
  const loop = tourismLoop(() => t.tripId);
  const emit = (actor: Actor | null, [type, step, extra]: TripFact) => {
    t.version += 1;
    loop.push(stepEvent(type, step, t.version, actor, plainClone({ ...extra, trip: t })));
  };

  if (fresh) {
    const filedBy = state.settings.filedBy;
    if (fresh.refusal)
      emit(filedBy, [TourismEvents.TripFilingRefused.type, 'filing-refused', { reason: fresh.refusal }]);
    else emit(filedBy, [TourismEvents.TripFiled.type, 'filed', {}]);
  }

  setHandler(tripQuery, () => t);
  setHandler(
    tripActionUpdate,
    (command) => {
      const now = Date.now();
      const body = checkTripAction(state, command, now);
      for (const fact of applyTripAction(state, command, body, now)) emit(command.actor, fact);
      loop.wake();
      return loop.answer(plainClone(t));
    },
    {
      validator: validating(TripCommandSchema, (command: TripCommand) =>
        checkTripAction(state, command, Date.now()),
      ),
    },
  );

  const tellSettlement = async () => {
    // The service starts the agency's settlement of the year before the trip is filed; were it
    // gone, the claim stays verified on the trip and the settlement is rebuilt from the trips.
    try {
      await getExternalWorkflowHandle(settlementWorkflowId(t.agency.code, t.year)).signal(
        claimVerifiedSignal,
        {
          tripId: t.tripId,
          kind: t.kind,
          departure: t.departure,
          rewards: t.rewards,
          tally: t.tally!,
        },
      );
    } catch (error) {
      log.warn('settlement not reachable', { tripId: t.tripId, error: String(error) });
    }
    state.settlementTold = true;
  };

  await loop.run({
    finished: () => tripClosed(t) && (t.status !== 'verified' || state.settlementTold),
    wakeAt: (now) => nextTripWakeAt(state, now),
    onTimer: () => {
      for (const fact of colourFacts(state, Date.now())) emit(null, fact);
    },
    turn: () => (t.status === 'verified' && !state.settlementTold ? tellSettlement() : false),
    continueAsNew: () => continueAsNew<typeof tourismTripWorkflow>({ resume: state }),
  });
}

/**
 * One agency's year (三.4 年底结算): totals its verified claims and express lines, applies the
 * yearly thresholds, falls due once the year's claim windows have closed, may be voided (四(一),
 * with who and why), and is settled by 旅游营销中心 with its place in the ranking of 二.7.
 */
export async function tourismSettlementWorkflow(
  input: StartSettlement | { resume: SettlementState },
): Promise<void> {
  checkStartInput(StartSettlementSchema, input);
  const state = 'resume' in input ? input.resume : newSettlementState(input);
  const s = state.settlement;
  const loop = tourismLoop(() => s.settlementId);
  const emit = (actor: Actor | null, [type, step, extra]: [EventType, string, object]) => {
    s.version += 1;
    loop.push(stepEvent(type, step, s.version, actor, plainClone({ ...extra, settlement: s })));
  };
  if (!('resume' in input)) emit(null, [TourismEvents.SettlementOpened.type, 'opened', {}]);

  setHandler(settlementQuery, () => s);
  setHandler(claimVerifiedSignal, (signal) => {
    for (const fact of recordClaim(state, signal)) emit(null, fact);
    loop.wake();
  });
  setHandler(
    settlementActionUpdate,
    (command) => {
      const now = Date.now();
      const body = checkSettlementAction(state, command, now);
      for (const fact of applySettlementAction(state, command, body, now)) emit(command.actor, fact);
      loop.wake();
      return loop.answer(plainClone(s));
    },
    {
      validator: validating(SettlementCommandSchema, (command: SettlementCommand) =>
        checkSettlementAction(state, command, Date.now()),
      ),
    },
  );

  await loop.run({
    finished: () => s.status === 'settled',
    wakeAt: (now) => nextSettlementWakeAt(state, now),
    onTimer: () => {
      for (const fact of dueFacts(state, Date.now())) emit(null, fact);
    },
    continueAsNew: () => continueAsNew<typeof tourismSettlementWorkflow>({ resume: state }),
  });
}
