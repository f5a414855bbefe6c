import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { connectBus, ensureStreams, type Bus } from '@duban/bus';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A nats-server of a benchmark's own with JetStream under `sync_interval: <sync>` (packages/stack
 * gives the embedded one `always`), in a fresh `.data/<name>`, its streams made. Stop it with
 * `stop()`, which also closes the connection.
 */
export async function startBenchNats(
  name: string,
  port: number,
  sync: string,
): Promise<{ bus: Bus; server: ChildProcess; stop: () => Promise<void> }> {
  const dir = path.join(root, '.data', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'nats.conf'), `jetstream {\n  sync_interval: ${sync}\n}\n`);
  const server = spawn(
    path.join(root, '.engines', 'bin', 'nats-server'),
    [
      '--config',
      path.join(dir, 'nats.conf'),
      '--jetstream',
      '--store_dir',
      dir,
      '--addr',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { stdio: 'ignore' },
  );
  let bus: Bus | undefined;
  for (let i = 0; !bus; i++) {
    bus = await connectBus(`nats://127.0.0.1:${port}`, { name }).catch(async (e: unknown) => {
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
      return undefined;
    });
  }
  await ensureStreams(bus.jsm);
  const connected = bus;
  return {
    bus: connected,
    server,
    stop: async () => {
      await connected.close();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}
