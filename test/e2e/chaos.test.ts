import { describe, expect, it } from 'vitest';
import { chaosEnv } from '../../bench/src/chaos/stack';
import { passed, reportLines, runChaos } from '../../bench/src/chaos/run';

// The short chaos run of the test command (`pnpm chaos` is the long one): 20 supervision flows and
// 3 kindergarten cases through the API of a stack of its own while each part — the service
// process, nats-server, the Temporal server, FerretDB — is SIGKILLed and restarted at least once.
// While Temporal or FerretDB is down an action is answered 503 with Retry-After at once, and the
// same request id sent after the restart acts once (issue 12, defect 6).
describe('chaos: kill -9 of every part while flows run', () => {
  it('loses nothing, doubles nothing, finishes every flow', async () => {
    const slot = Number(process.env.DUBAN_TEST_STACK ?? '0');
    const flows = 20;
    const cases = 3;
    const report = await runChaos({
      env: chaosEnv(`test-${slot}-chaos`, slot * 100 + 80),
      flows,
      cases,
      concurrency: 10,
      killGapMs: [300, 1_000],
      downMs: [300, 1_000],
      minKillsPerPart: 1,
      maxKillsPerPart: 1,
    });
    const lines = reportLines(report, flows, cases);
    console.log(lines.join('\n'));
    expect(report.kills).toEqual({ service: 1, nats: 1, temporal: 1, ferretdb: 1 });
    expect(report.probes.map((p) => p.part).sort()).toEqual(['ferretdb', 'temporal']);
    for (const probe of report.probes) {
      expect(probe, lines.join('\n')).toMatchObject({ status: 503, retryAfter: '5', retryStatus: 200 });
      // Answered at once, not after the gateway's 30 s deadline; 5 s leaves room for a loaded machine.
      expect(probe.ms).toBeLessThan(5_000);
    }
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(passed(report), lines.join('\n')).toBe(true);
  }, 400_000);
});
