import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@duban/config';
import { planFromConfig, stackDown, stackStatus, stackUp } from '@duban/stack';

// Its own stack (ports and data folder), so restarting it disturbs no other test.
const env = {
  DUBAN_DATA_DIR: path.resolve(import.meta.dirname, '../.data/test-restart'),
  DUBAN_ENGINES_DIR: path.resolve(import.meta.dirname, '../.engines'),
  TEMPORAL_ADDRESS: '127.0.0.1:27233',
  NATS_URL: 'nats://127.0.0.1:24222',
  NATS_MONITOR_PORT: '28222',
  FERRETDB_PORT: '26017',
};

describe('duban stack up / down / status', () => {
  const plan = planFromConfig(loadConfig(env), { headless: true });

  afterAll(async () => {
    await stackDown(plan);
  });

  it('starts three healthy engines, and a workflow survives stack down + up', async () => {
    fs.rmSync(plan.dataDir, { recursive: true, force: true });
    const up = await stackUp(plan);
    expect(up.map((s) => [s.name, s.healthy])).toEqual([
      ['temporal', true],
      ['nats', true],
      ['ferretdb', true],
    ]);

    const started = await withClient(async (client) => {
      // No worker polls this queue: the workflow just waits, as a long-running item does.
      const handle = await client.workflow.start('waitsForever', {
        taskQueue: 'stack-restart-test',
        workflowId: 'survives-restart',
      });
      return handle.firstExecutionRunId;
    });

    await stackDown(plan);
    const down = await stackStatus(plan);
    expect(down.every((s) => !s.running)).toBe(true);

    await stackUp(plan);
    const after = await withClient(async (client) =>
      client.workflow.getHandle('survives-restart').describe(),
    );
    expect(after.runId).toBe(started);
    expect(after.status.name).toBe('RUNNING');
  });

  async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    try {
      return await fn(new Client({ connection }));
    } finally {
      await connection.close();
    }
  }
});
