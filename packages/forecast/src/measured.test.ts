import { describe, expect, it } from 'vitest';
import { SupervisionEvents } from '@duban/workflow-supervision/client';
import { agendaOf } from './agenda';
import { stepDaysOf, workingDaysBetween } from './durations';
import { mediansOf, stepSamplesOf } from './measured';

const at = (iso: string) => new Date(`${iso}T02:00:00Z`);
const entry = (version: number, type: string, step: string, day: string, unitCode: string | null) => ({
  _id: `supervision-x/${step}/${version}`,
  itemId: 'x',
  version,
  type,
  at: at(day),
  actor: { userId: null, unitCode, requestId: null },
});

describe('step durations measured on closed items', () => {
  it('takes the lead’s steps between milestones and a part’s from the assignment, in working days', () => {
    const samples = stepSamplesOf([
      entry(3, SupervisionEvents.MilestoneCompleted.type, 'milestone-2019-06-30', '2019-06-28', 'edu'),
      entry(1, SupervisionEvents.ItemAssigned.type, 'assigned', '2019-04-30', null),
      entry(2, SupervisionEvents.ProgressReported.type, 'subtask-done', '2019-05-10', 'fin'),
      entry(4, SupervisionEvents.CloseRequested.type, 'close-requested', '2019-07-05', 'edu'),
    ]);
    // 5月1日–4日 are the Labour Day holiday; 5月5日 (Sunday) a make-up working day.
    expect(samples).toEqual([
      { unit: 'fin', kind: 'subtask', days: workingDaysBetween('2019-04-30', '2019-05-10') },
      { unit: 'edu', kind: 'step', days: workingDaysBetween('2019-04-30', '2019-06-28') },
    ]);
    expect(workingDaysBetween('2019-04-30', '2019-05-06')).toBe(2);
  });

  it('keeps a median only with enough samples, and the default otherwise', () => {
    const medians = mediansOf([
      { unit: 'edu', kind: 'step', days: 30 },
      { unit: 'edu', kind: 'step', days: 10 },
      { unit: 'edu', kind: 'step', days: 20 },
      { unit: 'hous', kind: 'step', days: 5 },
    ]);
    expect(medians).toEqual([{ unit: 'edu', kind: 'step', days: 20, source: 'measured', samples: 3 }]);
    const durations = { defaultDays: 60, measured: medians };
    expect(stepDaysOf(durations, 'edu', 'step')).toBe(20);
    expect(stepDaysOf(durations, 'hous', 'step')).toBe(60);
    expect(stepDaysOf(durations, 'edu', 'step', { slower: [{ unit: 'edu', days: -25 }] })).toBe(1);
  });

  it('plans the lead’s close after its last milestone and every part, 督查室 closing the same day', () => {
    const agenda = agendaOf(
      [
        {
          item: {
            itemId: 'x',
            docNo: 'd',
            ref: 'r',
            title: 't',
            leadUnits: ['edu'],
            cooperatingUnits: ['fin'],
            deadline: '2019-09-30',
            milestones: [{ key: '2019-09-30', date: '2019-09-30', phrase: '9月底' }],
          },
        },
      ],
      '2019-04-30',
      {
        defaultDays: 10,
        measured: [{ unit: 'fin', kind: 'subtask', days: 40, source: 'measured', samples: 3 }],
      },
    );
    expect(agenda.map((a) => [a.on, a.action, a.unit ?? 'inspector'])).toEqual([
      ['2019-04-30', 'sign', 'edu'],
      ['2019-04-30', 'sign', 'fin'],
      ['2019-05-16', 'complete-milestone', 'edu'],
      ['2019-06-28', 'request-close', 'fin'],
      ['2019-06-28', 'request-close', 'edu'],
      ['2019-06-28', 'close', 'inspector'],
    ]);
  });
});
