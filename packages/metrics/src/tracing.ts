import type { EventEmitter } from 'node:events';
import type { WorkflowClientInterceptor } from '@temporalio/client';

/** What is needed to turn tracing on: the standard OpenTelemetry variables. */
export type TracingEnv = Record<string, string | undefined>;

export interface Tracing {
  /** Client interceptors that trace every Workflow call and pass the trace on in its headers. */
  workflowInterceptors: WorkflowClientInterceptor[];
  /**
   * Runs `run` in a new server span that continues the caller's trace (a `traceparent` header),
   * with `emitters` (the request and response) bound to it so that what their events start (a
   * body parsed, then the handler) is in the span too. Returns what ends the span once its name
   * (e.g. the route) is known.
   */
  serverSpan(headers: Record<string, unknown>, emitters: EventEmitter[], run: () => void): SpanEnd;
  /** Sends the spans still buffered (a closing process calls it). */
  flush(): Promise<void>;
  /** Flushes and stops tracing in this process (tests). */
  shutdown(): Promise<void>;
}

export type SpanEnd = (name: string, attributes: Record<string, string | number>, failed: boolean) => void;

/**
 * Tracing is on when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and not switched off (OTEL_SDK_DISABLED=true,
 * OTEL_TRACES_EXPORTER=none).
 */
export function tracingWanted(env: TracingEnv): boolean {
  return tracesUrl(env) !== null && env.OTEL_SDK_DISABLED !== 'true' && env.OTEL_TRACES_EXPORTER !== 'none';
}

/** Where spans are posted, as the OTLP specification derives it from the two variables. */
export function tracesUrl(env: TracingEnv): string | null {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT)
    return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return null;
}

let started: Promise<Tracing> | undefined;

/**
 * Starts exporting traces over OTLP/HTTP for this process, once (the tracer, context and
 * propagation of @opentelemetry/api are process-wide); null when tracing is not wanted. Off, it
 * costs nothing: the SDK is not even loaded, and callers install no middleware or interceptor.
 * The exporter reads the other OTEL_* variables from the process itself (headers, timeout).
 */
export async function startTracing(
  serviceName: string,
  env: TracingEnv = process.env,
): Promise<Tracing | null> {
  if (!tracingWanted(env)) return null;
  started ??= load(env.OTEL_SERVICE_NAME || serviceName, tracesUrl(env)!);
  return started;
}

async function load(serviceName: string, url: string): Promise<Tracing> {
  const [
    api,
    { AsyncLocalStorageContextManager },
    { W3CTraceContextPropagator },
    sdk,
    otlp,
    resources,
    temporal,
  ] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@temporalio/interceptors-opentelemetry'),
  ]);
  const provider = new sdk.BasicTracerProvider({
    resource: resources.resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new sdk.BatchSpanProcessor(new otlp.OTLPTraceExporter({ url }))],
  });
  api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  api.trace.setGlobalTracerProvider(provider);
  const tracer = api.trace.getTracer('duban');
  return {
    workflowInterceptors: [new temporal.OpenTelemetryWorkflowClientInterceptor()],
    serverSpan(headers, emitters, run) {
      const parent = api.propagation.extract(api.ROOT_CONTEXT, headers);
      const span = tracer.startSpan('HTTP', { kind: api.SpanKind.SERVER }, parent);
      const active = api.trace.setSpan(parent, span);
      for (const emitter of emitters) api.context.bind(active, emitter);
      api.context.with(active, run);
      return (name, attributes, failed) => {
        span.updateName(name);
        span.setAttributes(attributes);
        if (failed) span.setStatus({ code: api.SpanStatusCode.ERROR });
        span.end();
      };
    },
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown();
      api.trace.disable();
      api.context.disable();
      api.propagation.disable();
      started = undefined;
    },
  };
}
