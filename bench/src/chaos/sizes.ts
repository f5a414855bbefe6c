// The sizing figures the cluster gives (issue 21, point 5; infra/production/README.md): what
// Temporal's PostgreSQL keeps for its workflows' histories and what FerretDB's database takes.
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { StackPlan } from '@duban/stack';

const run = promisify(execFile);

export interface ClusterSizes {
  /** Workflow executions Temporal keeps (open and closed), and their history tables' bytes. */
  workflows: number;
  historyBytes: number;
  /** The whole `temporal` and `ferretdb` databases, indexes included. */
  temporalDbBytes: number;
  ferretDbBytes: number;
}

export async function clusterSizes(plan: StackPlan): Promise<ClusterSizes | null> {
  const pg = plan.cluster?.postgres;
  if (!pg) return null;
  const bin = fs.readFileSync(path.join(plan.enginesDir, 'postgresql-bin'), 'utf8').trim();
  const sql = async (db: string, query: string) =>
    Number(
      (
        await run(
          path.join(bin, 'psql'),
          ['-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-d', db, '-tAc', query],
          {
            timeout: 30_000,
          },
        )
      ).stdout.trim(),
    );
  return {
    workflows: await sql('temporal', 'SELECT count(*) FROM executions'),
    historyBytes: await sql(
      'temporal',
      "SELECT pg_total_relation_size('history_node') + pg_total_relation_size('history_tree')",
    ),
    temporalDbBytes: await sql('temporal', "SELECT pg_database_size('temporal')"),
    ferretDbBytes: await sql('ferretdb', "SELECT pg_database_size('ferretdb')"),
  };
}
