import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createSupervisionActivities } from './activities';
import { SUPERVISION_TASK_QUEUE } from './definitions';

export interface SupervisionWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  js: JetStreamClient;
  taskQueue?: string;
}

export const supervisionWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export async function createSupervisionWorker(deps: SupervisionWorkerDeps): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue ?? SUPERVISION_TASK_QUEUE,
    workflowsPath: supervisionWorkflowsPath,
    activities: createSupervisionActivities({ js: deps.js }),
    // On shutdown (a deployment, a restart) let an in-flight publish finish rather than cancel it:
    // a cancelled one would be retried only after its start-to-close timeout.
    shutdownGraceTime: '10 seconds',
  });
}
