import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import {
  importCatalog,
  loadGazetteFile,
  startSupervisionItems,
  supervisionCandidates,
  type ImportSummary,
  type StartSupervisionResult,
} from '@duban/service-catalog';
import { seedUsers } from '@duban/service-gateway';

/** The gazette the product ships with (DESIGN §1: the first data set). */
export const BUNDLED_GAZETTE = path.resolve(
  import.meta.dirname,
  '../../../data/gazette/qingtongxia-gazette-2019-02.md',
);

export interface CatalogBootstrap {
  summary: ImportSummary;
  items: StartSupervisionResult;
  users: { created: string[]; existing: string[] };
}

/**
 * Imports a gazette, starts one supervision item per task and seeds a user per lead unit. Every
 * step is idempotent, so it runs at every start: a re-import changes nothing and starts nothing.
 */
export async function importAndStart(
  db: Db,
  client: Client,
  options: { file?: string; escalateAfterRedDays?: number } = {},
): Promise<CatalogBootstrap> {
  const file = options.file ?? BUNDLED_GAZETTE;
  const loaded = await loadGazetteFile(file);
  const summary = await importCatalog(db, loaded.parsed, {
    source: path.basename(file),
    sourceText: loaded.text,
    importedBy: 'system',
  });
  const candidates = supervisionCandidates(loaded.parsed.documents);
  const items = await startSupervisionItems(client, candidates, {
    ...(options.escalateAfterRedDays !== undefined
      ? { escalateAfterRedDays: options.escalateAfterRedDays }
      : {}),
  });
  // Co-operating units act on their sub-tasks, so they need a login as much as lead units.
  const leadUnitCodes = [
    ...new Set(candidates.flatMap((c) => [...c.task.lead, ...c.task.cooperating].map((u) => u.code))),
  ].sort();
  const users = await seedUsers(db, { leadUnitCodes });
  return { summary, items, users };
}
