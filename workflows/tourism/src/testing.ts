// Test helpers for the tourism workflows on the time-skipping server (not part of the runtime).
import { testActors } from '@duban/workflow-core/testing/actors';

export { msUntil } from '@duban/workflow-core/testing/actors';

export const actor = testActors('tourism-test-req');
