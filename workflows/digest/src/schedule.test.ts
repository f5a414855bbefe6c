import { describe, expect, it } from 'vitest';
import { digestAt, firstCandidateDay } from './schedule';

const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);

describe('when the morning digest is due', () => {
  it('is 08:30 Asia/Shanghai of the day', () => {
    expect(new Date(digestAt('2019-10-12')).toISOString()).toBe('2019-10-12T00:30:00.000Z');
  });

  it('is today before 08:30, tomorrow from 08:30 on', () => {
    expect(firstCandidateDay(at('2019-10-11T08:29:59'), null)).toBe('2019-10-11');
    expect(firstCandidateDay(at('2019-10-11T08:30:00'), null)).toBe('2019-10-12');
    expect(firstCandidateDay(at('2019-10-11T23:59:00'), null)).toBe('2019-10-12');
  });

  it('never again for the last day handled, and never for a day long past', () => {
    // Continued as new at 08:30:00.2 of the day it sent, or restarted before 08:30 after sending.
    expect(firstCandidateDay(at('2019-10-11T08:20:00'), '2019-10-11')).toBe('2019-10-12');
    // A worker down for days starts from now, not from the day after the last digest.
    expect(firstCandidateDay(at('2019-10-15T07:00:00'), '2019-10-11')).toBe('2019-10-15');
  });
});
