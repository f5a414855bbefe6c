import { describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { refuse } from './refusal';
import { INVALID_INPUT, actionCommandSchema, checkStartInput, validating } from './input';

const bodies = { note: z.object({ text: z.string().min(1) }).strict() };
const actor = { userId: 'u', name: '教育局', role: 'bureau', unitCode: 'edu', requestId: 'r-1' };
const failureOf = (run: () => void) => {
  try {
    run();
  } catch (e) {
    return e as ApplicationFailure;
  }
  return null;
};

describe('validating', () => {
  const validator = validating(actionCommandSchema(bodies), (c: { body: { text: string } }) => {
    if (c.body.text === 'no') refuse('不行');
  });

  it('rejects a command its contract refuses as InvalidInput, naming the fields', () => {
    const failure = failureOf(() => validator({ action: 'note', actor, body: { text: '' } } as never));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: INVALID_INPUT, nonRetryable: true });
    expect(failure!.message).toContain('body.text');
    expect(failure!.details).toEqual([{ errors: [{ field: 'body.text', message: expect.any(String) }] }]);
    expect(failureOf(() => validator({ action: 'dance', actor, body: {} } as never))!.message).toMatch(
      /未知操作：dance/,
    );
    expect(failureOf(() => validator({ action: 'note', body: { text: 'x' } } as never))!.message).toContain(
      'actor',
    );
    expect(failureOf(() => validator(undefined as never))).toMatchObject({ type: INVALID_INPUT });
  });

  it('then lets the check refuse, and lets a valid command through', () => {
    expect(
      failureOf(() => validator({ action: 'note', actor, body: { text: 'no' } } as never)),
    ).toMatchObject({
      type: 'ActionRefused',
      message: '不行',
    });
    expect(failureOf(() => validator({ action: 'note', actor, body: { text: 'ok' } } as never))).toBeNull();
  });
});

describe('checkStartInput', () => {
  const schema = z.object({ deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
  it('fails on an input its schema refuses, passes a valid one and a resume', () => {
    expect(failureOf(() => checkStartInput(schema, { deadline: 'soon' }))).toMatchObject({
      type: INVALID_INPUT,
      message: expect.stringContaining('input.deadline'),
    });
    expect(failureOf(() => checkStartInput(schema, null))).toMatchObject({ type: INVALID_INPUT });
    expect(failureOf(() => checkStartInput(schema, { deadline: '2030-12-31' }))).toBeNull();
    expect(failureOf(() => checkStartInput(schema, { resume: {} }))).toBeNull();
  });
});
