/**
 * The `route` label of a request: the pattern it matched under its router's mount point
 * (`/api/items/:id`), never the raw path, so there is one series per route however many items
 * there are. A request no route matched (a 404, a console file) is `unmatched`.
 */
export function routeLabel(baseUrl: string, routePath: unknown): string {
  if (routePath === undefined || routePath === null) return 'unmatched';
  return `${baseUrl}${String(routePath)}`;
}

/** Temporal's task queue of a process: every process's worker polls `duban-<name>`. */
export function taskQueueOf(process: string): string {
  return `duban-${process}`;
}

/** The visibility query that counts a process's open workflows. */
export function openWorkflowsQuery(process: string): string {
  return `TaskQueue = '${taskQueueOf(process)}' AND ExecutionStatus = 'Running'`;
}
