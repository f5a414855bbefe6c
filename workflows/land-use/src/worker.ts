import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createLandUseActivities } from './activities';
import { LAND_USE_TASK_QUEUE } from './definitions';

export interface LandUseWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  js: JetStreamClient;
  taskQueue?: string;
}

export const landUseWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export async function createLandUseWorker(deps: LandUseWorkerDeps): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue ?? LAND_USE_TASK_QUEUE,
    workflowsPath: landUseWorkflowsPath,
    activities: createLandUseActivities({ js: deps.js }),
    // Let an in-flight publish finish on shutdown rather than wait out its timeout on restart.
    shutdownGraceTime: '10 seconds',
  });
}
