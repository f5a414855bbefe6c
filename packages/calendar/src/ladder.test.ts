import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_WINDOW_DAYS,
  InvalidCivilDateError,
  InvalidInstantError,
  colourFor,
  nextColourChangeAt,
  warningWindowStart,
} from './index';

// Deadline "2019年6月底前": the end of 2019-06-30 in Shanghai, 2019-06-30T15:59:59.999Z.
const deadline = '2019-06-30';
const at = (iso: string): Date => new Date(iso);
const lastInstantOnTime = at('2019-06-30T15:59:59.999Z');
const firstInstantOverdue = at('2019-06-30T16:00:00.000Z');
const windowOpens = at('2019-06-23T16:00:00.000Z'); // 2019-06-24 00:00 +08:00
const justBeforeWindow = at('2019-06-23T15:59:59.999Z');

describe('warningWindowStart', () => {
  it('opens the window windowDays calendar days before the deadline passes', () => {
    expect(DEFAULT_WARNING_WINDOW_DAYS).toBe(7);
    expect(warningWindowStart(deadline)).toBe('2019-06-24');
    expect(warningWindowStart(deadline, 1)).toBe('2019-06-30');
    expect(warningWindowStart(deadline, 10)).toBe('2019-06-21');
    expect(warningWindowStart('2019-03-03', 7)).toBe('2019-02-25');
    expect(warningWindowStart(deadline, 0)).toBe('2019-07-01'); // empty window
  });

  it('refuses bad input', () => {
    expect(() => warningWindowStart(deadline, -1)).toThrow(RangeError);
    expect(() => warningWindowStart(deadline, 1.5)).toThrow(RangeError);
    expect(() => warningWindowStart('2019-06-31')).toThrow(InvalidCivilDateError);
  });
});

describe('colourFor (DESIGN §5)', () => {
  const colour = (now: Date | number, reportMissing = false, warningWindowDays?: number) =>
    colourFor({
      now,
      deadline,
      reportMissing,
      ...(warningWindowDays === undefined ? {} : { warningWindowDays }),
    });

  it('is green before the window and blue from its first instant', () => {
    expect(colour(at('2019-06-01T00:00:00.000Z'))).toBe('green');
    expect(colour(justBeforeWindow)).toBe('green');
    expect(colour(windowOpens)).toBe('blue');
    expect(colour(windowOpens.getTime())).toBe('blue');
  });

  it('is still blue at the deadline instant itself and red one millisecond later', () => {
    expect(colour(lastInstantOnTime)).toBe('blue');
    expect(colour(firstInstantOverdue)).toBe('red');
    expect(colour(at('2025-01-01T00:00:00.000Z'))).toBe('red');
  });

  it('puts red over yellow over blue over green', () => {
    expect(colour(justBeforeWindow, true)).toBe('yellow'); // would be green
    expect(colour(windowOpens, true)).toBe('yellow'); // would be blue
    expect(colour(lastInstantOnTime, true)).toBe('yellow');
    expect(colour(firstInstantOverdue, true)).toBe('red'); // red wins
  });

  it('is yellow for a slipped milestone too', () => {
    expect(colourFor({ now: justBeforeWindow, deadline, reportMissing: false, milestoneSlipped: true })).toBe(
      'yellow',
    );
    expect(
      colourFor({ now: justBeforeWindow, deadline, reportMissing: false, milestoneSlipped: false }),
    ).toBe('green');
  });

  it('follows the window size', () => {
    expect(colour(at('2019-06-27T16:00:00.000Z'), false, 3)).toBe('blue'); // 06-28 00:00
    expect(colour(at('2019-06-27T15:59:59.999Z'), false, 3)).toBe('green');
    expect(colour(justBeforeWindow, false, 8)).toBe('blue');
    expect(colour(lastInstantOnTime, false, 0)).toBe('green'); // no blue stage at all
    expect(colour(firstInstantOverdue, false, 0)).toBe('red');
  });

  it('turns a deadline already past when the item is created red at once', () => {
    expect(
      colourFor({ now: at('2025-03-01T02:00:00.000Z'), deadline: '2018-12-31', reportMissing: false }),
    ).toBe('red');
  });

  it('drops back from red when an extension moves the deadline', () => {
    const now = at('2019-07-15T02:00:00.000Z');
    expect(colourFor({ now, deadline: '2019-06-30', reportMissing: false })).toBe('red');
    expect(colourFor({ now, deadline: '2019-09-30', reportMissing: false })).toBe('green');
    expect(colourFor({ now, deadline: '2019-07-20', reportMissing: false })).toBe('blue');
  });

  it('refuses an invalid instant or deadline', () => {
    expect(() => colour(new Date('nonsense'))).toThrow(InvalidInstantError);
    expect(() => colourFor({ now: windowOpens, deadline: '2019-02-30', reportMissing: false })).toThrow(
      InvalidCivilDateError,
    );
  });
});

describe('nextColourChangeAt (for a workflow timer)', () => {
  it('points at the opening of the window, then at the first overdue instant, then nowhere', () => {
    expect(nextColourChangeAt({ now: at('2019-06-01T00:00:00.000Z'), deadline })?.toISOString()).toBe(
      windowOpens.toISOString(),
    );
    expect(nextColourChangeAt({ now: justBeforeWindow, deadline })?.toISOString()).toBe(
      windowOpens.toISOString(),
    );
    expect(nextColourChangeAt({ now: windowOpens, deadline })?.toISOString()).toBe(
      firstInstantOverdue.toISOString(),
    );
    expect(nextColourChangeAt({ now: lastInstantOnTime, deadline })?.toISOString()).toBe(
      firstInstantOverdue.toISOString(),
    );
    expect(nextColourChangeAt({ now: firstInstantOverdue, deadline })).toBeNull();
  });

  it('goes straight to the overdue instant with an empty window', () => {
    expect(nextColourChangeAt({ now: justBeforeWindow, deadline, warningWindowDays: 0 })?.toISOString()).toBe(
      firstInstantOverdue.toISOString(),
    );
  });

  it('agrees with colourFor on both sides of each change', () => {
    for (const warningWindowDays of [0, 1, 7]) {
      let now = at('2019-06-01T00:00:00.000Z').getTime();
      const seen: string[] = [colourFor({ now, deadline, warningWindowDays, reportMissing: false })];
      for (let change = nextColourChangeAt({ now, deadline, warningWindowDays }); change !== null;) {
        const before = colourFor({
          now: change.getTime() - 1,
          deadline,
          warningWindowDays,
          reportMissing: false,
        });
        const after = colourFor({ now: change, deadline, warningWindowDays, reportMissing: false });
        expect(after).not.toBe(before);
        seen.push(after);
        now = change.getTime();
        change = nextColourChangeAt({ now, deadline, warningWindowDays });
      }
      expect(seen).toEqual(warningWindowDays === 0 ? ['green', 'red'] : ['green', 'blue', 'red']);
    }
  });
});
