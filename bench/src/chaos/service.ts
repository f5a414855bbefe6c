// The service process the chaos run SIGKILLs and starts again: every worker, consumer and the
// gateway, as `duban serve` runs them, on the chaos stack's engines (settings from the
// environment), without the gazette import and with the gateway's rate limit lifted (the run is
// one client address doing thousands of requests, not abuse). Prints `ready <url>` once serving.
import path from 'node:path';
import { loadConfig } from '@duban/config';
import { startSystem } from '@duban/system';

const config = loadConfig();
const system = await startSystem(config, {
  importGazette: false,
  // Bundled once per run (or once per test run, the test command's folder): a restart after a
  // kill serves again in seconds, not in a minute.
  bundleCacheDir: process.env.DUBAN_WORKFLOW_BUNDLE_CACHE || path.join(config.dataDir, 'bundles'),
  rateLimit: { windowMs: 60_000, limit: 1_000_000, sessionWindowMs: 60_000, sessionLimit: 1_000 },
});
console.log(`ready ${system.gateway.url}`);
const stop = () => void system.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
