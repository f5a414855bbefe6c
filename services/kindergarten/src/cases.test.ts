import { describe, expect, it } from 'vitest';
import type { CaseSnapshot, StepSnapshot } from '@duban/workflow-kindergarten/client';
import { withChildSteps } from './cases';

const step = (key: string, phase: StepSnapshot['phase'], state: StepSnapshot['state']): StepSnapshot => ({
  key,
  phase,
  title: key,
  unitCode: 'natres',
  ref: '三(一)',
  after: [],
  state,
  deadline: '2019-11-30',
  originalDeadline: '2019-11-30',
  colour: 'red',
  doneAt: null,
  doneBy: null,
  note: null,
});

describe('withChildSteps', () => {
  const c = {
    caseId: 'kg-2019.p1',
    phase: 'rectifying',
    steps: [
      step('plan', 'plan', 'done'),
      step('land_allocated', 'rectifying', 'open'),
      step('accepted', 'rectifying', 'waiting'),
    ],
  } as unknown as CaseSnapshot;

  it('answers the case with the steps as the rectification child answered them', () => {
    const answered = [
      {
        ...step('land_allocated', 'rectifying', 'done'),
        doneAt: '2020-01-02T03:00:00.000Z',
        doneBy: 'bureau-natres',
        colour: 'none' as const,
      },
      step('accepted', 'rectifying', 'open'),
    ];
    const out = withChildSteps(c, answered);
    expect(out.steps.map((s) => [s.key, s.state])).toEqual([
      ['plan', 'done'],
      ['land_allocated', 'done'],
      ['accepted', 'open'],
    ]);
    expect(out.steps[1]).toMatchObject({ doneBy: 'bureau-natres', colour: 'none', deadline: '2019-11-30' });
    // The case keeps its own deadlines and colours for steps the child did not change.
    expect(out.steps[2]).toMatchObject({ colour: 'red' });
  });

  it('never undoes a step the case already has done', () => {
    const done = { ...c, steps: [step('land_allocated', 'rectifying', 'done')] } as CaseSnapshot;
    expect(withChildSteps(done, [step('land_allocated', 'rectifying', 'open')]).steps[0]!.state).toBe('done');
  });
});
