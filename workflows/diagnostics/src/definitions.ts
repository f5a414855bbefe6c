import { defineQuery } from '@temporalio/workflow';

// Shared by the worker and every client: one place for names and task queue.
export const DIAGNOSTICS_TASK_QUEUE = 'duban-diagnostics';
export const probeStatusQuery = defineQuery<'recorded' | 'pending'>('probeStatus');

export interface ProbeInput {
  probeId: string;
  note: string;
}
