// Builders for the system tests: snapshots and events as the supervision workflow publishes them.
import { publishEvent, type Bus, type PublishResult } from '@duban/bus';
import { eventId, type EventData, type EventType, type NewEvent } from '@duban/contracts';
import { supervisionWorkflowId, type ItemSnapshot } from '@duban/workflow-supervision/client';

/** 青政办发〔2019〕31号: the kindergarten recovery task, led by 住建局 and 教育局, with 财政局. */
export function itemSnapshot(itemId: string, over: Partial<ItemSnapshot> = {}): ItemSnapshot {
  return {
    itemId,
    docNo: '青政办发〔2019〕31号',
    ref: '第三部分第2条',
    title: '回收、置换、购置的小区配套幼儿园，2019年9月30日前完成',
    leadUnits: ['hous', 'edu'],
    cooperatingUnits: ['fin'],
    state: 'in_progress',
    colour: 'green',
    overallColour: 'green',
    deadline: '2019-09-30',
    originalDeadline: '2019-09-30',
    deadlineHistory: [],
    reporting: { kind: 'none' },
    nextReportDue: null,
    reportMissing: false,
    lastProgressAt: null,
    pendingExtension: null,
    subTasks: [
      {
        unitCode: 'fin',
        state: 'in_progress',
        deadline: '2019-09-15',
        colour: 'green',
        lastProgressAt: null,
      },
    ],
    redSince: null,
    createdAt: '2019-04-22T09:00:00+08:00',
    closedAt: null,
    version: 1,
    ...over,
  };
}

/** The event a supervision workflow would publish: id from workflow, step and item version. */
export function newSupervisionEvent<T extends EventType>(
  type: T,
  step: string,
  time: string,
  data: EventData<T>,
): NewEvent<T> {
  const { item } = data as { item: ItemSnapshot };
  return {
    type,
    id: eventId(supervisionWorkflowId(item.itemId), step, item.version),
    source: 'test/services',
    subject: item.itemId,
    time,
    data,
    actorId: 'system',
  };
}

export function publish<T extends EventType>(
  bus: Bus,
  ...args: Parameters<typeof newSupervisionEvent<T>>
): Promise<PublishResult> {
  return publishEvent(bus.js, newSupervisionEvent(...args));
}

export { eventually } from '../../../../test/support/eventually';
