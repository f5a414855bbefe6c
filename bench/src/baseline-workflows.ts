import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The bare baseline: an Update that does nothing but answer. */
export const echoUpdate = defineUpdate<number, [number]>('echo');

export async function echoWorkflow(): Promise<void> {
  let done = false;
  setHandler(echoUpdate, (n) => n);
  await condition(() => done);
  done = true;
}

/** The bare baseline of a start: a workflow that ends in its first task. */
export async function emptyWorkflow(): Promise<void> {}

/** The bare baseline of a cached workflow: one that waits and holds nothing (memory, point 6). */
export async function idleWorkflow(): Promise<void> {
  await condition(() => false);
}
