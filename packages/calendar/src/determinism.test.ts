/**
 * The calendar runs inside Temporal workflow code: it must not import Node built-ins or run the
 * holiday package's code, must not read the clock, and must not depend on the host's time zone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Calendar from './index';

const sourceDir = new URL('./', import.meta.url);
const sources = readdirSync(sourceDir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(new URL(name, sourceDir), 'utf8') }));

describe('workflow-sandbox safety of the source', () => {
  it('finds the source files', () => {
    expect(sources.map((s) => s.name).sort()).toEqual([
      'civil-date.ts',
      'holidays.ts',
      'index.ts',
      'ladder.ts',
      'schedule.ts',
    ]);
  });

  it('imports only its own modules and the holiday data table', () => {
    for (const { name, text } of sources) {
      const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map(
        (m) => m[1],
      );
      for (const specifier of specifiers) {
        expect(
          specifier?.startsWith('./') === true || specifier === 'chinese-days/dist/chinese-days.json',
          `${name} imports ${specifier}`,
        ).toBe(true);
      }
      expect(text, name).not.toMatch(/\bimport\s*\(|\brequire\s*\(/);
    }
  });

  it('never reads the clock, randomness, the environment or Intl', () => {
    for (const { name, text } of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''); // comments may mention them
      expect(code, name).not.toMatch(
        /Date\.now|new Date\(\s*\)|Math\.random|\bprocess\b|\bIntl\b|performance\./,
      );
      // Local-time methods depend on the host TZ; only UTC ones are allowed.
      expect(code, name).not.toMatch(
        /\.(getFullYear|getMonth|getDate|getDay|getHours|setFullYear|setMonth|setDate|setHours|getTimezoneOffset)\(/,
      );
    }
  });
});

describe('independence from the host time zone', () => {
  const originalTz = process.env.TZ;
  let calendar: typeof Calendar;

  beforeAll(async () => {
    process.env.TZ = 'America/New_York';
    calendar = await import('./index');
  });

  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('answers the same west of UTC', () => {
    // Precondition: the zone change took effect (UTC midnight of 10-19 is 10-18 in New York).
    expect(new Date(Date.UTC(2019, 9, 19)).getDate()).toBe(18);
    expect(calendar.isWorkingDay('2019-10-19')).toBe(false);
    expect(calendar.isWorkingDay('2019-10-12')).toBe(true);
    expect(calendar.isStatutoryHoliday('2019-10-01')).toBe(true);
    expect(calendar.addWorkingDays('2019-09-25', 15)).toBe('2019-10-21');
    expect(calendar.civilDateOf(new Date('2019-06-30T16:00:00.000Z'))).toBe('2019-07-01');
    expect(calendar.endOfCivilDay('2019-06-30').toISOString()).toBe('2019-06-30T15:59:59.999Z');
    expect(calendar.dayOfWeek('2019-10-12')).toBe(6);
  });
});
