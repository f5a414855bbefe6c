import { describe, expect, it } from 'vitest';
import { loadConfig } from '@duban/config';
import { planFromConfig } from './plan';

describe('the cluster profile plan', () => {
  it('keeps the single profile as it was', () => {
    const plan = planFromConfig(loadConfig({ DUBAN_DATA_DIR: '/tmp/d' }));
    expect(plan.cluster).toBeNull();
    expect(plan.dataDir).toBe('/tmp/d');
  });

  it('puts ten processes on ports derived from the configuration, data under <dir>/cluster', () => {
    const plan = planFromConfig(loadConfig({ DUBAN_PROFILE: 'cluster', DUBAN_DATA_DIR: '/tmp/d' }));
    expect(plan.dataDir).toBe('/tmp/d/cluster');
    const cluster = plan.cluster!;
    expect(cluster.postgres.port).toBe(30017);
    expect(cluster.temporal.services.map((s) => [s.name, s.port, s.membershipPort])).toEqual([
      ['frontend', 7233, 10233],
      ['history', 7234, 10234],
      ['matching', 7235, 10235],
      ['worker', 7236, 10236],
    ]);
    expect(cluster.temporal.historyShards).toBeGreaterThan(1);
    expect(cluster.nats.nodes.map((n) => [n.name, n.port, n.monitorPort, n.routePort])).toEqual([
      ['nats-1', 4222, 8222, 7222],
      ['nats-2', 4223, 8223, 7223],
      ['nats-3', 4224, 8224, 7224],
    ]);
  });
});
