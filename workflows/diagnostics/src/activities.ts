import { Context } from '@temporalio/activity';
import { DiagnosticsEvents, eventId } from '@duban/contracts';
import { publishEvent } from '@duban/bus';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { ProbeInput } from './definitions';

export interface DiagnosticsActivityDeps {
  js: JetStreamClient;
  source: string;
}

export function createDiagnosticsActivities({ js, source }: DiagnosticsActivityDeps) {
  return {
    async recordProbe(
      input: ProbeInput & { recordedAt: string },
    ): Promise<{ sequence: number; duplicate: boolean }> {
      const { workflowExecution } = Context.current().info;
      if (!workflowExecution) throw new Error('recordProbe runs only as a workflow activity');
      const result = await publishEvent(js, {
        type: DiagnosticsEvents.ProbeRecorded.type,
        // Same id on every attempt of this step: a retry is a duplicate, never a second fact.
        id: eventId(workflowExecution.workflowId, 'probe-recorded', 1),
        source,
        subject: workflowExecution.workflowId,
        data: { probeId: input.probeId, note: input.note, recordedAt: input.recordedAt },
      });
      return { sequence: result.sequence, duplicate: result.duplicate };
    },
  };
}

export type DiagnosticsActivities = ReturnType<typeof createDiagnosticsActivities>;
