import type { TestProject } from 'vitest/node';
import { provideTestStack, testEnvAt } from './engines';

// The `workflows` project's stack: its files run on Temporal's time-skipping server and publish to
// this NATS, beside the `system` project in a vitest process of their own (infra/test.sh), so
// neither one's events reach the other's stream. Offset 45: clear of every other test stack.
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return provideTestStack(project, testEnvAt(45));
}
