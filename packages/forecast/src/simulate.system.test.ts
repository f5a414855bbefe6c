import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadGazetteFile, startItemFor, supervisionCandidates } from '@duban/service-catalog';
import { policySetting } from '@duban/policy';
import type { StartItem } from '@duban/workflow-supervision/client';
import { simulate, type Simulation, type SimulationInput } from './simulate';

const GAZETTE = path.resolve(import.meta.dirname, '../../../data/gazette/qingtongxia-gazette-2019-02.md');
const DEFAULT_DAYS = policySetting('forecast.step-working-days')!.defaultValue as number;
const P2 = 'qzbf-2019-31.4.p2'; // 四.(二) 全面整改 (教育局): 6月底, 9月底, 11月底, 2020年12月底

// Issue 22 point 3: a forecast of 青政办发〔2019〕31号 from the day it was issued (2019-04-21) runs
// its dated items' own supervision workflows on a time-skipping server, each unit taking the
// default pace (policy forecast.step-working-days) per step, beside two what-ifs on the same
// server: 教育局 15 working days faster per step, and 四.(二) granted 90 days.
describe('forecast of 31号 by simulation', () => {
  let simulation: Simulation;
  const scenario = (key: string) => simulation.scenarios.find((s) => s.key === key)!;
  beforeAll(async () => {
    const { parsed } = await loadGazetteFile(GAZETTE);
    const items: SimulationInput['items'] = supervisionCandidates(parsed.documents)
      .map((c) => startItemFor(c.document, c.task))
      .filter((i): i is StartItem => i?.docNo === '青政办发〔2019〕31号' && i.deadline !== null)
      .map((item) => ({ item }));
    simulation = await simulate(
      {
        startOn: '2019-04-21',
        items,
        durations: { defaultDays: DEFAULT_DAYS },
        scenarios: [
          { key: 'base' },
          { key: 'edu-faster', whatIf: { slower: [{ unit: 'edu', days: -15 }] } },
          { key: 'p2-extended', whatIf: { extensions: [{ itemId: P2, days: 90 }] } },
        ],
      },
      { testServerPath: inject('stack').testServerPath, timeoutMs: 90_000 },
    );
    console.log(JSON.stringify(simulation.timings));
  });

  it('names the units whose steps would be late, and fewer when one of them is faster', () => {
    const base = scenario('base');
    console.log(
      JSON.stringify(scenario('edu-faster').lateUnits),
      JSON.stringify(scenario('p2-extended').items.find((i) => i.itemId === P2)),
    );
    expect(base.refused).toEqual([]);
    expect(base.lateUnits.map((u) => u.unit)).toEqual(['edu']);
  });
});
