// The Temporal runtime of a process, installed once, with core's own log forwarded to the SDK
// logger: core is the only one who says which run's workflow task it failed and why ("Failing
// workflow task", with the run id and the failure). The doctor listens for that line; anything
// else is printed as before.
import {
  DefaultLogger,
  makeTelemetryFilterString,
  Runtime,
  type LogLevel,
  type LogMetadata,
} from '@temporalio/worker';

/** One workflow task a worker of this process failed, as core reported it. */
export interface FailedWorkflowTask {
  runId: string;
  /** Core's rendering of the failure: for a replay mismatch it holds "[TMPRL1100] … HistoryEvent(id: N". */
  failure: string;
}

type Listener = (failed: FailedWorkflowTask) => void;
const listeners = new Set<Listener>();
let installed: 'watching' | 'blind' | null = null;

class WatchingLogger extends DefaultLogger {
  override log(level: LogLevel, message: string, meta?: LogMetadata): void {
    super.log(level, message, meta);
    if (message !== 'Failing workflow task' || meta?.sdkComponent !== 'core') return;
    const runId = typeof meta.runId === 'string' ? meta.runId : null;
    if (!runId) return;
    const failure = typeof meta.failure === 'string' ? meta.failure : JSON.stringify(meta.failure ?? '');
    for (const listener of listeners) listener({ runId, failure });
  }
}

/**
 * Installs the runtime (once per process; later calls do nothing). Returns whether failing tasks
 * can be watched: not when something in this process created the runtime before (a test that
 * built a worker first), since the runtime cannot be installed twice.
 */
export function installWorkflowRuntime(): 'watching' | 'blind' {
  if (installed) return installed;
  try {
    Runtime.install({
      // The SDK logs every worker state change at INFO; an operator needs its warnings only.
      logger: new WatchingLogger('WARN'),
      telemetryOptions: {
        logging: { filter: makeTelemetryFilterString({ core: 'WARN', other: 'ERROR' }), forward: {} },
      },
      // No shutdown signals: the caller (the CLI) owns Ctrl-C and stops the parts in order.
      shutdownSignals: [],
    });
    installed = 'watching';
  } catch {
    installed = 'blind';
  }
  return installed;
}

/** Calls `listener` for every workflow task a worker of this process fails; returns the unsubscribe. */
export function onFailedWorkflowTask(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
