// Test helpers for the supervision workflow on the time-skipping server (not part of the runtime).
import type { Actor } from '@duban/contracts';
import type { ActionCommand, ActionName, ActionBody } from './contracts/index';
import { testActors } from '@duban/workflow-core/testing/actors';

export { msUntil } from '@duban/workflow-core/testing/actors';

export const actor = testActors('test-req');

export function command<A extends ActionName>(action: A, who: Actor, body: ActionBody<A>): ActionCommand {
  return { action, actor: who, body } as ActionCommand;
}
