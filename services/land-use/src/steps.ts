import type { CaseStep, LandCaseSnapshot } from '@duban/workflow-land-use/client';

const FLOW: CaseStep[] = ['registered', 'investigated', 'decided', 'rectified', 'closed'];

/** The step a case waits for, or null once closed (the workflow's order, 二(七)). */
export function openStepOf(c: Pick<LandCaseSnapshot, 'step'>): CaseStep | null {
  return FLOW[FLOW.indexOf(c.step) + 1] ?? null;
}
