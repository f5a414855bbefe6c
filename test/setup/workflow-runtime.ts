import { installWorkflowRuntime } from '@duban/process';

// The `system` project's files share one module graph (vitest.config.ts), and Temporal's runtime
// is one per process, made by whatever first needs it. Installed here as `duban serve` installs
// it (with the workflow doctor's logger) before any file makes a client or a worker, so the
// doctor's test hears of failed workflow tasks whichever file ran before it.
installWorkflowRuntime();
