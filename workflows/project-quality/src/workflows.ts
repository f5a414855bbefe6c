import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Actor, EventType } from '@duban/contracts';
import * as core from '@duban/workflow-core';
import type { PendingProjectQualityEvent, ProjectQualityActivities } from './activities';
import {
  ProjectQualityEvents,
  StartUnitYearSchema,
  UnitYearCommandSchema,
  type StartUnitYear,
  type UnitYearCommand,
} from './contracts/index';
import { unitYearActionUpdate, unitYearQuery } from './definitions';
import {
  applyUnitYearAction,
  checkUnitYearAction,
  newUnitYearState,
  nextUnitYearWakeAt,
  onUnitYearTime,
  type Fact,
  type UnitYearState,
} from './unit-year';

const { publishProjectQualityEvents } = core.publishActivities<ProjectQualityActivities>();

/**
 * One unit's reporting year of 项目提质增效年 (青政办发〔2019〕40号 四(三)): a report to 发改局 due each
 * month on the report day, its warning ladder, and the year's close.
 */
export async function unitReportingYearWorkflow(
  input: StartUnitYear | { resume: UnitYearState },
): Promise<void> {
  core.checkStartInput(StartUnitYearSchema, input);
  const state = 'resume' in input ? input.resume : newUnitYearState(input, Date.now());
  const y = state.y;
  const loop = new core.ProcessLoop<PendingProjectQualityEvent>(
    (events) => publishProjectQualityEvents(workflowInfo().workflowId, `${y.unitCode}-${y.year}`, events),
    20,
  );
  const emit = (facts: Fact[], actor: Actor | null) => {
    for (const [type, step, extra] of facts) {
      y.version += 1;
      loop.push(
        core.stepEvent(type as EventType, step, y.version, actor, core.plainClone({ ...extra, unitYear: y })),
      );
    }
  };
  if (!('resume' in input))
    emit(
      [[ProjectQualityEvents.UnitYearOpened.type, 'opened', {}], ...onUnitYearTime(state, Date.now())],
      null,
    );

  setHandler(unitYearQuery, () => y);
  setHandler(
    unitYearActionUpdate,
    (command) => {
      const facts = applyUnitYearAction(state, command, Date.now());
      emit([...facts, ...onUnitYearTime(state, Date.now())], command.actor);
      loop.wake();
      return loop.answer(core.plainClone(y));
    },
    {
      validator: core.validating(UnitYearCommandSchema, (command: UnitYearCommand) =>
        checkUnitYearAction(state, command, Date.now()),
      ),
    },
  );

  await loop.run({
    finished: () => y.closed,
    wakeAt: (now) => nextUnitYearWakeAt(state, now),
    onTimer: () => emit(onUnitYearTime(state, Date.now()), null),
    continueAsNew: () => continueAsNew<typeof unitReportingYearWorkflow>({ resume: state }),
  });
}

// A lead unit's indicators of a year (指标), on the same task queue.
export { indicatorYearWorkflow } from './indicator-workflow';
