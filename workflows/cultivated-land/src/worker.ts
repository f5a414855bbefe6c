import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createCultivatedLandActivities } from './activities';
import { CULTIVATED_LAND_TASK_QUEUE } from './definitions';

export interface CultivatedLandWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  js: JetStreamClient;
  taskQueue?: string;
}

export const cultivatedLandWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export async function createCultivatedLandWorker(deps: CultivatedLandWorkerDeps): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue ?? CULTIVATED_LAND_TASK_QUEUE,
    workflowsPath: cultivatedLandWorkflowsPath,
    activities: createCultivatedLandActivities({ js: deps.js }),
    // Let an in-flight publish finish on shutdown rather than wait out its timeout on retry.
    shutdownGraceTime: '10 seconds',
  });
}
