import { fileURLToPath } from 'node:url';
import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createDiagnosticsActivities } from './activities';
import { DIAGNOSTICS_TASK_QUEUE } from './definitions';

export interface WorkerDeps {
  connection: NativeConnection;
  namespace: string;
  js: JetStreamClient;
  taskQueue?: string;
}

export async function createDiagnosticsWorker(deps: WorkerDeps): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue ?? DIAGNOSTICS_TASK_QUEUE,
    workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)),
    activities: createDiagnosticsActivities({ js: deps.js, source: 'duban/workflows/diagnostics' }),
  });
}
