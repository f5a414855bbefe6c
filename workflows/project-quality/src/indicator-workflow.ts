import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Actor, EventType } from '@duban/contracts';
import * as core from '@duban/workflow-core';
import type { PendingProjectQualityEvent, ProjectQualityActivities } from './activities';
import {
  IndicatorYearCommandSchema,
  StartIndicatorYearSchema,
  type StartIndicatorYear,
} from './contracts/indicators';
import { ProjectQualityEvents } from './contracts/index';
import { indicatorYearActionUpdate } from './definitions';
import {
  applyIndicatorYearAction,
  checkIndicatorYearAction,
  newIndicatorYearState,
  nextIndicatorYearWakeAt,
  onIndicatorYearTime,
  type IndicatorYearCommand,
  type IndicatorYearState,
} from './indicator-year';
import type { Fact } from './unit-year';

const { publishProjectQualityEvents } = core.publishActivities<ProjectQualityActivities>();

/**
 * A lead unit's indicators of one year (65号's 2020 targets, 30号's yearly table, 40号's goals): the
 * warning ladder on each report date as facts, and the values the unit reports.
 */
export async function indicatorYearWorkflow(
  input: StartIndicatorYear | { resume: IndicatorYearState },
): Promise<void> {
  core.checkStartInput(StartIndicatorYearSchema, input);
  const state = 'resume' in input ? input.resume : newIndicatorYearState(input);
  const y = state.y;
  const loop = new core.ProcessLoop<PendingProjectQualityEvent>(
    (events) =>
      publishProjectQualityEvents(workflowInfo().workflowId, `indicators-${y.unitCode}-${y.year}`, events),
    20,
  );
  const emit = (facts: Fact[], actor: Actor | null) => {
    for (const [type, step, extra] of facts) {
      y.version += 1;
      loop.push(
        core.stepEvent(
          type as EventType,
          step,
          y.version,
          actor,
          core.plainClone({ ...extra, indicatorYear: y }),
        ),
      );
    }
  };
  if (!('resume' in input)) {
    const tracked: Fact[] = y.lines.map((l) => [
      ProjectQualityEvents.IndicatorTracked.type,
      `track:${l.indicatorId}`,
      { indicatorId: l.indicatorId },
    ]);
    emit([...tracked, ...onIndicatorYearTime(state, Date.now())], null);
  }

  setHandler(
    indicatorYearActionUpdate,
    (command: IndicatorYearCommand) => {
      const facts = applyIndicatorYearAction(state, command, Date.now());
      emit([...facts, ...onIndicatorYearTime(state, Date.now())], command.actor);
      loop.wake();
      return loop.answer(core.plainClone(y));
    },
    {
      validator: core.validating(IndicatorYearCommandSchema, (command: IndicatorYearCommand) =>
        checkIndicatorYearAction(state, command),
      ),
    },
  );

  await loop.run({
    finished: () => false,
    wakeAt: (now) => nextIndicatorYearWakeAt(state, now),
    onTimer: () => emit(onIndicatorYearTime(state, Date.now()), null),
    continueAsNew: () => continueAsNew<typeof indicatorYearWorkflow>({ resume: state }),
  });
}
