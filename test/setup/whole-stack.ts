import type { TestProject } from 'vitest/node';
import { ownStackEnv, startStackOf } from '../support/own-stack';

declare module 'vitest' {
  export interface ProvidedContext {
    wholeStackEnv: Record<string, string>;
  }
}

// The `whole` project's shared stack: files that start the whole system without the gazette and
// whose data cannot meet (each names its projects and cases after its own run) start their
// system on it one after another, so they pay for one stack start instead of one each.
// Offset 60: clear of the shared test stack (0), the `whole` own stacks (20, 40) and the `system`
// project's own stacks (5, 25), which run at the same time.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = ownStackEnv('whole-shared', 60);
  const stack = await startStackOf(env);
  project.provide('wholeStackEnv', env);
  return () => stack.stop();
}
