// Test helpers for the kindergarten workflows on the time-skipping server (not part of the runtime).
import type { Actor } from '@duban/contracts';
import type { CaseActionBody, CaseActionName, CaseCommand } from './contracts/index';
import { testActors } from '@duban/workflow-core/testing/actors';

export { msUntil } from '@duban/workflow-core/testing/actors';

export const actor = testActors('kg-test-req');

export function command<A extends CaseActionName>(
  action: A,
  who: Actor,
  body: CaseActionBody<A>,
): CaseCommand {
  return { action, actor: who, body } as CaseCommand;
}
