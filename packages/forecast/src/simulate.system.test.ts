import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadGazetteFile, startItemFor, supervisionCandidates } from '@duban/service-catalog';
import { policySetting } from '@duban/policy';
import type { StartItem } from '@duban/workflow-supervision/client';
import { simulate, type SimulationInput } from './simulate';

const GAZETTE = path.resolve(import.meta.dirname, '../../../data/gazette/qingtongxia-gazette-2019-02.md');
const DEFAULT_DAYS = policySetting('forecast.step-working-days')!.defaultValue as number;

// Issue 22 point 3: a forecast of 青政办发〔2019〕31号 from the day it was issued (2019-04-21) runs
// its dated items' own supervision workflows on a time-skipping server, each unit taking the
// default pace (policy forecast.step-working-days) per step.
describe('forecast of 31号 by simulation', () => {
  let items: SimulationInput['items'];
  const run = (whatIf?: SimulationInput['whatIf']) =>
    simulate(
      { startOn: '2019-04-21', items, durations: { defaultDays: DEFAULT_DAYS }, ...(whatIf ? { whatIf } : {}) },
      { testServerPath: inject('stack').testServerPath, timeoutMs: 90_000 },
    );
  beforeAll(async () => {
    const { parsed } = await loadGazetteFile(GAZETTE);
    items = supervisionCandidates(parsed.documents)
      .map((c) => startItemFor(c.document, c.task))
      .filter((i): i is StartItem => i?.docNo === '青政办发〔2019〕31号' && i.deadline !== null)
      .map((item) => ({ item, signed: false }));
  });

  it('names the units whose steps would be late, and fewer when one of them is faster', async () => {
    const base = await run();
    console.log(JSON.stringify(base, null, 1));
  });
});
