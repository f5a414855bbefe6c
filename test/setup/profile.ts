/**
 * DUBAN_TEST_PROFILE=cluster: the test stacks run the cluster profile (Temporal server on
 * PostgreSQL, three NATS nodes, FerretDB on PostgreSQL; infra/production/README.md) instead of the
 * embedded engines. Needs `DUBAN_ENGINES=cluster bash infra/install-engines.sh` once.
 * Returns the variables that switch a stack's environment, given its NATS port.
 */
export function testProfileEnv(natsPort: number): Record<string, string> {
  const profile = process.env.DUBAN_TEST_PROFILE ?? 'single';
  if (profile === 'single') return {};
  if (profile !== 'cluster')
    throw new Error(`DUBAN_TEST_PROFILE: expected single or cluster, got ${profile}`);
  // Three nodes on the stack's NATS port and the two after it (offsets of stacks are 5 apart).
  const urls = [0, 1, 2].map((i) => `nats://127.0.0.1:${natsPort + i}`);
  return { DUBAN_PROFILE: 'cluster', NATS_URL: urls.join(',') };
}
