import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isCivilDate } from '@duban/calendar';
import {
  buildEvent,
  CivilDateSchema,
  defineEvent,
  DiagnosticsEvents,
  eventTokenOf,
  registerEvents,
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

  it('names a version in the type and, from v2 on, in the subject', () => {
    const v2 = defineEvent('diagnostics', 'probe_recorded', 2, z.object({}));
    expect(v2.type).toBe('cn.gov.qtx.duban.diagnostics.probe_recorded.v2');
    expect(v2.subject).toBe('duban.diagnostics.probe_recorded.v2');
    expect(() => defineEvent('diagnostics', 'probe_recorded', 0, z.object({}))).toThrow(/version/);
  });

  it('reads a fact published under a former process token as the type it is now', () => {
    expect(eventTokenOf('cultivated-land')).toBe('cultivated_land');
    const Renamed = registerEvents({
      Checked: defineEvent('test_renamed', 'checked', 1, z.object({ n: z.number() }), {
        formerlyOf: ['testold'],
      }),
    });
    expect(Renamed.Checked.formerly).toEqual([
      { type: 'cn.gov.qtx.duban.testold.checked.v1', subject: 'duban.testold.checked' },
    ]);
    expect(eventDefinition('cn.gov.qtx.duban.testold.checked.v1')).toBe(Renamed.Checked);
    const stored = {
      specversion: '1.0',
      id: 'old-1',
      source: 'test',
      type: 'cn.gov.qtx.duban.testold.checked.v1',
      subject: 's',
      time: '2019-04-21T01:00:00.000Z',
      datacontenttype: 'application/json',
      data: { n: 1 },
    };
    expect(parseEvent(stored).type).toBe('cn.gov.qtx.duban.test_renamed.checked.v1');
    expect(() => parseEvent({ ...stored, data: { n: 'one' } })).toThrow(EventSchemaError);
  });

  it('refuses another definition under a type already registered', () => {
    expect(() =>
      registerEvents({ Again: defineEvent('diagnostics', 'probe_recorded', 1, z.object({})) }),
    ).toThrow(/registered twice/);
  });

  it('refuses dates that do not exist, naming the problem, and keeps real ones', () => {
    for (const bad of ['2026-02-31', '0000-00-00', '2027-02-30', '2023-02-29', '2019-13-01', '2019-04-31']) {
      expect(isCivilDate(bad)).toBe(false);
      const parsed = CivilDateSchema.safeParse(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/calendar date/);
    }
    for (const good of ['2024-02-29', '2000-02-29', '2019-06-30', '2020-12-31', '2019-04-30']) {
      expect(CivilDateSchema.safeParse(good).success).toBe(true);
    }
    expect(isCivilDate('1900-02-29')).toBe(false);
  });
});
