import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** The bare baseline: an Update that does nothing but answer. */
export const echoUpdate = defineUpdate<number, [number]>('echo');

export async function echoWorkflow(): Promise<void> {
  let done = false;
  setHandler(echoUpdate, (n) => n);
  await condition(() => done);
  done = true;
}
