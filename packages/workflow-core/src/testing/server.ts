import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * How long the test server may take to listen. The SDK's own start gives the JVM five seconds and
 * cannot be told otherwise; on a loaded two-core machine (three vitest processes, several engines,
 * other work) it often needs more, and three such starts in a row failed whole files. So the
 * server is started here and the SDK connects to it once it listens.
 */
const LISTEN_WITHIN_MS = 90_000;

/**
 * The JVM's options for the test server (the wrapper reads TEMPORAL_TEST_SERVER_JAVA_OPTS): the
 * client compiler only and the serial collector start it in about a third less CPU and time
 * (1.8 s → 1.3 s of CPU, measured on the loaded two-core machine); a test file's few minutes
 * never need the optimising compiler.
 */
const JAVA_OPTS = '-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/** The SDK's environment on a server already running; its `create` is what `createTimeSkipping` calls. */
const onRunningServer = TestWorkflowEnvironment as unknown as {
  create(options: {
    server: { type: 'existing' };
    address: string;
    namespace: string;
    supportsTimeSkipping: true;
  }): Promise<TestWorkflowEnvironment>;
};

/**
 * Starts Temporal's time-skipping test server (our Maven-built one, started by its wrapper) with
 * its clock at `startAt` (UTC, `YYYY-MM-DD HH:mm:ss`). `teardown()` stops it.
 */
export async function startTimeSkippingServer(
  testServerPath: string,
  startAt: string,
): Promise<TestWorkflowEnvironment> {
  const port = await freePort();
  const server = spawn(testServerPath, [String(port)], {
    env: {
      ...process.env,
      TEMPORAL_TEST_SERVER_START_AT: startAt,
      TEMPORAL_TEST_SERVER_JAVA_OPTS: process.env.TEMPORAL_TEST_SERVER_JAVA_OPTS ?? JAVA_OPTS,
    },
    stdio: 'ignore',
  });
  try {
    await listening(server, port);
    const env = await onRunningServer.create({
      server: { type: 'existing' },
      address: `127.0.0.1:${port}`,
      namespace: 'default',
      supportsTimeSkipping: true,
    });
    const closeConnections = env.teardown.bind(env);
    env.teardown = async () => {
      await closeConnections();
      await stop(server);
    };
    return env;
  } catch (error) {
    await stop(server);
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function listening(server: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + LISTEN_WITHIN_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(
        `the time-skipping test server exited before listening (${server.exitCode ?? server.signalCode})`,
      );
    if (await accepts(port)) return;
    if (Date.now() > deadline)
      throw new Error(
        `the time-skipping test server did not listen on ${port} within ${LISTEN_WITHIN_MS} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** SIGTERM, then SIGKILL if the JVM has not exited within ten seconds. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
