import { TestWorkflowEnvironment } from '@temporalio/testing';

/** How often a test server that did not come up in the SDK's five seconds is started again. */
const ATTEMPTS = 3;

/**
 * The JVM's options for the test server (the wrapper reads TEMPORAL_TEST_SERVER_JAVA_OPTS): the
 * client compiler only and the serial collector start it in about a third less CPU and time
 * (1.8 s → 1.3 s of CPU, measured on the loaded two-core machine), so it comes up inside the
 * SDK's five seconds more often; a test file's few minutes never need the optimising compiler.
 */
const JAVA_OPTS = '-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * Starts Temporal's time-skipping test server (our Maven-built one, started by its wrapper) with
 * its clock at `startAt` (UTC, `YYYY-MM-DD HH:mm:ss`). The SDK gives the JVM five seconds to
 * listen; on a loaded two-core machine (two vitest processes, several engines) it sometimes needs
 * more, so a start that timed out is tried again rather than failing the file.
 */
export async function startTimeSkippingServer(
  testServerPath: string,
  startAt: string,
): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    process.env.TEMPORAL_TEST_SERVER_START_AT = startAt;
    const ownJavaOpts = process.env.TEMPORAL_TEST_SERVER_JAVA_OPTS === undefined;
    if (ownJavaOpts) process.env.TEMPORAL_TEST_SERVER_JAVA_OPTS = JAVA_OPTS;
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: testServerPath } },
      });
    } catch (error) {
      const slowStart = error instanceof Error && /did not start within/.test(error.message);
      if (!slowStart || attempt >= ATTEMPTS) throw error;
    } finally {
      delete process.env.TEMPORAL_TEST_SERVER_START_AT;
      if (ownJavaOpts) delete process.env.TEMPORAL_TEST_SERVER_JAVA_OPTS;
    }
  }
}
