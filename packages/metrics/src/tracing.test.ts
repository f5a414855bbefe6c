import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startTracing, tracesUrl, tracingWanted } from './tracing';

describe('tracing', () => {
  it('is wanted only with an OTLP endpoint and not switched off', () => {
    expect(tracingWanted({})).toBe(false);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(
      true,
    );
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBe(
      false,
    );
    expect(
      tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }),
    ).toBe(false);
  });

  it('posts to the traces endpoint, or to /v1/traces under the general one', () => {
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      tracesUrl({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/t',
      }),
    ).toBe('http://b:4318/t');
    expect(tracesUrl({})).toBeNull();
  });

  it('off, starts nothing', async () => {
    expect(await startTracing('duban-test', {})).toBeNull();
  });

  // Loading the SDK on a busy machine takes a few seconds.
  it(
    'on, exports a server span that continues the caller’s trace over OTLP/HTTP',
    { timeout: 30_000 },
    async () => {
      const bodies: string[] = [];
      const collector = createServer((req: IncomingMessage, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          bodies.push(`${req.url} ${Buffer.concat(chunks).toString()}`);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
      const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
      const tracing = await startTracing('duban-test', { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
      expect(tracing).not.toBeNull();
      try {
        const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
        const headers = { traceparent: `00-${traceId}-00f067aa0ba902b7-01` };
        // The route sends its Update inside the request's span: Temporal's interceptor makes a
        // child span and puts the trace into the Update's headers for the workflow.
        const [interceptor] = tracing!.workflowInterceptors;
        type StartUpdate = NonNullable<NonNullable<typeof interceptor>['startUpdate']>;
        let sentHeaders: Record<string, unknown> = {};
        let updated: Promise<unknown> = Promise.resolve();
        const end = tracing!.serverSpan(headers, [new EventEmitter()], () => {
          const input = {
            updateName: 'itemAction',
            args: [],
            workflowExecution: { workflowId: 'supervision-x' },
            headers: {},
            options: { updateId: 'sign:req-1', waitForStage: 'ACCEPTED' },
          } as unknown as Parameters<StartUpdate>[0];
          updated = interceptor!.startUpdate!(input, async (sent) => {
            sentHeaders = sent.headers;
            return { updateId: 'sign:req-1', workflowRunId: 'run-1', outcome: undefined };
          });
        });
        await updated;
        end('POST /api/items/:id/actions/sign', { 'http.route': '/api/items/:id/actions/sign' }, false);
        expect(Object.keys(sentHeaders)).toContain('_tracer-data');
        await tracing!.flush();
        const exported = bodies.join('\n');
        expect(bodies[0]).toMatch(/^\/v1\/traces /);
        expect(exported).toContain('POST /api/items/:id/actions/sign');
        expect(exported).toContain('StartWorkflowUpdate:itemAction');
        expect(exported).toContain('duban-test');
        expect(exported).toContain(traceId);
      } finally {
        await tracing?.shutdown();
        collector.close();
      }
    },
  );
});
