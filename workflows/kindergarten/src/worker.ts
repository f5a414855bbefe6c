import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createKindergartenActivities } from './activities';
import { KINDERGARTEN_TASK_QUEUE } from './definitions';

export interface KindergartenWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  js: JetStreamClient;
  taskQueue?: string;
}

export const kindergartenWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export async function createKindergartenWorker(deps: KindergartenWorkerDeps): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue ?? KINDERGARTEN_TASK_QUEUE,
    workflowsPath: kindergartenWorkflowsPath,
    activities: createKindergartenActivities({ js: deps.js }),
    // On shutdown (a deployment, a restart) let an in-flight publish finish rather than cancel it:
    // a cancelled one would be retried only after its start-to-close timeout.
    shutdownGraceTime: '10 seconds',
  });
}
