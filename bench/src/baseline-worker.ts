import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';

/**
 * A Temporal client and a worker of the bare baselines (baseline-workflows.ts) on task queue
 * `bench-baseline`, beside the system under measurement on the same server.
 */
export async function startBaselineWorker(
  address: string,
): Promise<{ client: Client; stop: () => Promise<void> }> {
  const connection = await Connection.connect({ address });
  const native = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection: native,
    taskQueue: 'bench-baseline',
    workflowsPath: fileURLToPath(new URL('./baseline-workflows.ts', import.meta.url)),
  });
  const running = worker.run();
  return {
    client: new Client({ connection }),
    stop: async () => {
      worker.shutdown();
      await running;
      await native.close();
      await connection.close();
    },
  };
}
