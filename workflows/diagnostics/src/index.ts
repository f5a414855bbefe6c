export { createDiagnosticsWorker } from './worker';
export type { WorkerDeps } from './worker';
export { DIAGNOSTICS_TASK_QUEUE, probeStatusQuery } from './definitions';
export type { ProbeInput } from './definitions';
export type { probeWorkflow } from './workflows';
