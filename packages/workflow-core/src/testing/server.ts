import { TestWorkflowEnvironment } from '@temporalio/testing';

/** How often a test server that did not come up in the SDK's five seconds is started again. */
const ATTEMPTS = 3;

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
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: testServerPath } },
      });
    } catch (error) {
      const slowStart = error instanceof Error && /did not start within/.test(error.message);
      if (!slowStart || attempt >= ATTEMPTS) throw error;
    } finally {
      delete process.env.TEMPORAL_TEST_SERVER_START_AT;
    }
  }
}
