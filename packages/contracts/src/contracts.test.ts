import { describe, expect, it } from 'vitest';
import {
  buildEvent,
  DiagnosticsEvents,
  eventDefinition,
  EventSchemaError,
  eventId,
  parseEvent,
  UnknownEventTypeError,
} from './index';

const valid = {
  type: DiagnosticsEvents.ProbeRecorded.type,
  id: eventId('wf-1', 'probe-recorded', 1),
  source: 'test',
  subject: 'wf-1',
  data: { probeId: 'p', note: 'n', recordedAt: '2019-04-21T09:00:00+08:00' },
  actorId: 'u-edu-1',
  actorUnit: 'edu',
  requestId: 'req-1',
};

describe('event contracts', () => {
  it('derives type and NATS subject from process and fact (DESIGN §4)', () => {
    expect(DiagnosticsEvents.ProbeRecorded.type).toBe('cn.gov.qtx.duban.diagnostics.probe_recorded.v1');
    expect(DiagnosticsEvents.ProbeRecorded.subject).toBe('duban.diagnostics.probe_recorded');
  });

  it('builds a CloudEvents 1.0 envelope carrying attribution', () => {
    const event = buildEvent({ ...valid, time: '2019-04-21T01:00:00.000Z' });
    expect(event).toMatchObject({
      specversion: '1.0',
      id: 'wf-1/probe-recorded/1',
      datacontenttype: 'application/json',
      actorid: 'u-edu-1',
      actorunit: 'edu',
      requestid: 'req-1',
    });
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('refuses data that fails the schema, naming the field', () => {
    expect(() => buildEvent({ ...valid, data: { ...valid.data, recordedAt: 'tomorrow' } })).toThrow(
      /recordedAt/,
    );
    expect(() => buildEvent({ ...valid, data: { ...valid.data, recordedAt: 'tomorrow' } })).toThrow(
      EventSchemaError,
    );
  });

  it('refuses an unregistered type at compile time and at run time', () => {
    expect(() =>
      // @ts-expect-error — not a registered event type
      buildEvent({ ...valid, type: 'cn.gov.qtx.duban.diagnostics.nothing_happened.v1' }),
    ).toThrow(UnknownEventTypeError);
    expect(() => eventDefinition('cn.gov.qtx.duban.x.y.v1')).toThrow(/unknown event type/);
    const received = { ...buildEvent(valid), type: 'cn.gov.qtx.duban.diagnostics.nothing_happened.v1' };
    expect(() => parseEvent(received)).toThrow(UnknownEventTypeError);
  });

  it('refuses an envelope without the CloudEvents attributes', () => {
    const { specversion: _omit, ...noVersion } = buildEvent(valid);
    expect(() => parseEvent(noVersion)).toThrow(/specversion/);
    expect(() => parseEvent({ ...buildEvent(valid), time: 'now' })).toThrow(/time/);
  });
});
