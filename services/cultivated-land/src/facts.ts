import { CultivatedEvents } from '@duban/workflow-cultivated-land/client';

/** Every fact of the cultivated-land process (青政办发〔2019〕28号); each carries its snapshot. */
const LAND_FACT_DEFINITIONS = Object.values(CultivatedEvents);

export const LAND_FACTS = LAND_FACT_DEFINITIONS.map((d) => d.fact);

const typeOfFact = new Map<string, string>(LAND_FACT_DEFINITIONS.map((d) => [d.fact, d.type]));

/** The registered event type of a cultivated-land fact. */
export function landEventType(fact: string): string {
  const type = typeOfFact.get(fact);
  if (!type) throw new Error(`not a cultivated-land fact: ${fact}`);
  return type;
}
