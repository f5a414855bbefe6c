import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The rebuild test replays the shared test stack's whole event stream several times; run first,
 * that stream holds only its own facts, not every earlier file's (two minutes saved a run).
 * The fuzzing runs last on the `whole` project's shared stack: the cases, users and passwords it
 * makes up at random then meet no other file's data.
 */
class ReplayingFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => f.moduleId.endsWith('rebuild-all.system.test.ts');
    const last = (f: TestSpecification) => f.moduleId.endsWith('test/e2e/fuzz.test.ts');
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f) && !last(f)), ...sorted.filter(last)];
  }
}

// Three projects: `unit` runs pure code with no engine; `system` runs against real engines that
// test/setup/engines.ts starts on their own ports and data folder (never a developer's stack);
// `whole` runs end-to-end and browser files that need no shared engine stack of the `system` kind.
// Every file under test/e2e and test/browser starts the whole system: on the bundled gazette on a
// stack of its own (test/support/own-stack.ts), or without it, on the `whole` project's shared
// stack (test/setup/whole-stack.ts) or a stack of its own when its engine state must be its own.
// These ones run in the `whole` project, beside `system`, and the rest after the shared-stack
// files, so that the two vitest processes of infra/test.sh take about as long as each other.
const WHOLE_SYSTEM_FILES = [
  'test/browser/**/*.test.ts',
  'test/e2e/supervision.test.ts',
  'test/e2e/kindergarten.test.ts',
  'test/e2e/land-transfer.test.ts',
  'test/e2e/authorization.test.ts',
  'test/e2e/tourism.test.ts',
  'test/e2e/social-assistance.test.ts',
  'test/e2e/project-quality.test.ts',
  'test/e2e/rehearsal.test.ts',
  'test/e2e/fuzz.test.ts',
];

// The cluster profile's end-to-end files (issue 21) run in `whole` with DUBAN_TEST_CLUSTER=1, which
// infra/test.sh sets unless told 0: they need the cluster engines (DUBAN_ENGINES=cluster bash
// infra/install-engines.sh), and left out they cost nothing, not even their imports.
const CLUSTER_FILES = ['test/cluster/**/*.test.ts'];
const clusterFiles = process.env.DUBAN_TEST_CLUSTER === '1' ? CLUSTER_FILES : [];

// DUBAN_TEST_PROFILE=cluster (test/setup/profile.ts): a stack is ten processes and Temporal runs on
// PostgreSQL, so a file's start (its own stack, then the system on the gazette) takes longer.
const cluster = process.env.DUBAN_TEST_PROFILE === 'cluster';
const hookTimeout = cluster ? 600_000 : 180_000;
const testTimeout = cluster ? 300_000 : 120_000;

export default defineConfig({
  test: {
    sequence: { sequencer: ReplayingFilesFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/*.test.ts', 'workflows/**/*.test.ts', 'services/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.system.test.ts'],
          // Pure code with no engine and no global state to leak: every file in one worker that
          // imports each module once. A fresh worker per file spent ten times the tests' own time
          // importing the same modules again (65 files: 434 s against 42 s on a loaded machine).
          isolate: false,
        },
      },
      {
        test: {
          name: 'system',
          include: ['test/**/*.test.ts', '**/*.system.test.ts'],
          exclude: ['**/node_modules/**', ...WHOLE_SYSTEM_FILES, ...CLUSTER_FILES],
          globalSetup: ['test/setup/engines.ts'],
          setupFiles: ['test/setup/workflow-runtime.ts'],
          // One worker imports each module once for every file, as in `unit`: a fresh module graph
          // per file cost about a quarter of the files' time (6 workflow and gateway files: 68 →
          // 53 s). The files share no module state they change: each starts its own clients,
          // workers and systems and closes them, and one that sets an environment variable puts it back.
          isolate: false,
          testTimeout,
          hookTimeout,
          fileParallelism: false,
        },
      },
      {
        // Files that start the whole system on a stack of their own or on this project's shared
        // one: infra/test.sh runs them beside the `system` project.
        test: {
          name: 'whole',
          include: [...WHOLE_SYSTEM_FILES, ...clusterFiles],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/setup/whole-stack.ts'],
          setupFiles: ['test/setup/workflow-runtime.ts'],
          // One worker imports the whole system once for every file, as in `system`: a fresh
          // module graph per file cost each of the 14 files a new process and about 3 s of CPU
          // importing the same modules again. Each file closes what it starts (its browser, its
          // system, or its hold on the shared stack's one system: test/support/whole-system.ts),
          // so none leaves module state another reads.
          isolate: false,
          testTimeout,
          hookTimeout,
          fileParallelism: false,
        },
      },
    ],
  },
});
