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
  return clusterProfileEnv(natsPort);
}

/** The cluster profile's variables whatever DUBAN_TEST_PROFILE says (test/cluster's files). */
export function clusterProfileEnv(natsPort: number): Record<string, string> {
  // Three nodes on the stack's NATS port and the two after it: the Temporal services take the
  // port and the three after it too, and the stack's +10 and +11 ports (its Temporal HTTP and
  // metrics, FerretDB's debug) must stay clear of other stacks' ports (test/support/own-stack.ts).
  const urls = [0, 1, 2].map((i) => `nats://127.0.0.1:${natsPort + i}`);
  return { DUBAN_PROFILE: 'cluster', NATS_URL: urls.join(',') };
}

/** DUBAN_TEST_CLUSTER=1 runs test/cluster's files (they need the cluster engines installed). */
export const clusterTestsOn = process.env.DUBAN_TEST_CLUSTER === '1';
