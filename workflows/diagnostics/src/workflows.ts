import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { DiagnosticsActivities } from './activities';
import { probeStatusQuery, type ProbeInput } from './definitions';

const { recordProbe } = proxyActivities<DiagnosticsActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 10, initialInterval: '200 milliseconds' },
});

/** Walks the chain once: the activity publishes a fact that consumers store. */
export async function probeWorkflow(input: ProbeInput & { recordedAt: string }): Promise<number> {
  let status: 'recorded' | 'pending' = 'pending';
  setHandler(probeStatusQuery, () => status);
  const { sequence } = await recordProbe(input);
  status = 'recorded';
  return sequence;
}
