import type { z } from 'zod';

/** One registered event type: its CloudEvents type, its NATS subject and the schema of `data`. */
export interface EventDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  type: Type;
  /** NATS subject `duban.<process>.<fact>` (DESIGN §4). */
  subject: string;
  /** The event token of the process that publishes it (its process name, `-` written `_`). */
  process: string;
  fact: string;
  /** Schema version, the `.vN` of the type: a changed schema is a new version, never an edit. */
  version: number;
  schema: Schema;
  /**
   * The same fact under the names it was published with before (a renamed process token):
   * events already on the stream under them are read as this type, so nothing stored is lost.
   */
  formerly: readonly { type: string; subject: string }[];
}

export interface EventOptions {
  /** Process tokens this fact was published under before, e.g. `cultivated` for `cultivated_land`. */
  formerlyOf?: readonly string[];
}

const token = /^[a-z][a-z0-9_]*$/;

/**
 * Defines one fact of a process. `version` is the schema's version: readers of v1 keep working
 * when a v2 is published next to it, because they are different types on different subjects.
 */
export function defineEvent<
  const Process extends string,
  const Fact extends string,
  const Version extends number,
  Schema extends z.ZodType,
>(
  process: Process,
  fact: Fact,
  version: Version,
  schema: Schema,
  options: EventOptions = {},
): EventDefinition<`cn.gov.qtx.duban.${Process}.${Fact}.v${Version}`, Schema> {
  if (!token.test(process) || !token.test(fact)) {
    throw new Error(`event process and fact must be lower-case tokens: ${process}.${fact}`);
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`event version must be a whole number from 1: ${process}.${fact} v${version}`);
  }
  const names = (token: string) => ({
    type: `cn.gov.qtx.duban.${token}.${fact}.v${version}`,
    subject: version === 1 ? `duban.${token}.${fact}` : `duban.${token}.${fact}.v${version}`,
  });
  const current = names(process);
  return {
    type: current.type as `cn.gov.qtx.duban.${Process}.${Fact}.v${Version}`,
    subject: current.subject,
    process,
    fact,
    version,
    schema,
    formerly: (options.formerlyOf ?? []).map(names),
  };
}

/** The event token of a process name: `cultivated-land` → `cultivated_land`. */
export function eventTokenOf(processName: string): string {
  return processName.replace(/-/g, '_');
}
