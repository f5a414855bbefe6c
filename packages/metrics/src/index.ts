// Observability shared by Duban's processes: OTLP trace export, off unless configured.
export { startTracing, tracingWanted } from './tracing';
export type { SpanEnd, Tracing, TracingEnv } from './tracing';
