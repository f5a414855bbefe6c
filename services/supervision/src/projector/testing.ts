// Builders for the system tests: realistic snapshots of one item as its workflow would publish them.
import { publishEvent, type Bus, type PublishResult } from '@duban/bus';
import { buildEvent, eventId, type CloudEvent, type EventData, type NewEvent } from '@duban/contracts';
import {
  supervisionWorkflowId,
  type ItemSnapshot,
  type SubTaskSnapshot,
} from '@duban/workflow-supervision/client';
import type { SupervisionEventType } from './events';

/** 青政办发〔2019〕31号: the kindergarten handover task, led by 教育局 with 住建局 and 自然资源局. */
export function itemSnapshot(itemId: string, over: Partial<ItemSnapshot> = {}): ItemSnapshot {
  const subTask = (unitCode: string): SubTaskSnapshot => ({
    unitCode,
    state: 'assigned',
    deadline: '2019-06-30',
    colour: 'green',
    lastProgressAt: null,
  });
  return {
    itemId,
    docNo: '青政办发〔2019〕31号',
    ref: '第三部分第1条',
    title: '已建成、需办理移交的小区配套幼儿园，2019年6月30日前完成移交',
    leadUnits: ['edu'],
    cooperatingUnits: ['hous', 'natres'],
    state: 'assigned',
    colour: 'green',
    overallColour: 'green',
    deadline: '2019-06-30',
    originalDeadline: '2019-06-30',
    deadlineHistory: [],
    reporting: { kind: 'monthly', dayOfMonth: 25, workingDaysOnly: true },
    nextReportDue: '2019-05-27',
    reportMissing: false,
    lastProgressAt: null,
    pendingExtension: null,
    subTasks: [subTask('hous'), subTask('natres')],
    redSince: null,
    createdAt: '2019-04-22T09:00:00+08:00',
    closedAt: null,
    version: 1,
    ...over,
  };
}

export interface Actor {
  userId: string;
  unitCode?: string;
  requestId: string;
}

/** The event a supervision workflow would publish: id from workflow, step and item version. */
export function newSupervisionEvent<T extends SupervisionEventType>(
  type: T,
  step: string,
  time: string,
  data: EventData<T>,
  actor?: Actor,
): NewEvent<T> {
  const { item } = data as { item: ItemSnapshot };
  return {
    type,
    id: eventId(supervisionWorkflowId(item.itemId), step, item.version),
    source: 'test/services',
    subject: item.itemId,
    time,
    data,
    ...(actor
      ? {
          actorId: actor.userId,
          requestId: actor.requestId,
          ...(actor.unitCode ? { actorUnit: actor.unitCode } : {}),
        }
      : {}),
  };
}

export function supervisionEvent<T extends SupervisionEventType>(
  ...args: Parameters<typeof newSupervisionEvent<T>>
): CloudEvent<T, EventData<T>> {
  return buildEvent(newSupervisionEvent(...args));
}

export function publish<T extends SupervisionEventType>(
  bus: Bus,
  ...args: Parameters<typeof newSupervisionEvent<T>>
): Promise<PublishResult> {
  return publishEvent(bus.js, newSupervisionEvent(...args));
}

export { eventually } from '../../../../test/support/eventually';
