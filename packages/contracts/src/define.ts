import type { z } from 'zod';

/** One registered event type: its CloudEvents type, its NATS subject and the schema of `data`. */
export interface EventDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  type: Type;
  /** NATS subject `duban.<process>.<fact>` (DESIGN §4). */
  subject: string;
  process: string;
  fact: string;
  schema: Schema;
}

const token = /^[a-z][a-z0-9_]*$/;

export function defineEvent<
  const Process extends string,
  const Fact extends string,
  Schema extends z.ZodType,
>(
  process: Process,
  fact: Fact,
  schema: Schema,
): EventDefinition<`cn.gov.qtx.duban.${Process}.${Fact}.v1`, Schema> {
  if (!token.test(process) || !token.test(fact)) {
    throw new Error(`event process and fact must be lower-case tokens: ${process}.${fact}`);
  }
  return {
    type: `cn.gov.qtx.duban.${process}.${fact}.v1`,
    subject: `duban.${process}.${fact}`,
    process,
    fact,
    schema,
  };
}
