export { startDiagnosticsService, DIAGNOSTICS_CONSUMER } from './service';
export { PROBES } from './handlers/probe-recorded';
