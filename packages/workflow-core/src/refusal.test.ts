import { describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { ACTION_REFUSED, refuse, refusing } from './refusal';

describe('refusing', () => {
  const validator = refusing((n: number) => {
    if (n < 0) refuse('数量不能为负');
    if (n === 0) throw new TypeError('cannot read properties of undefined');
  });

  it('lets an accepted action through', () => {
    expect(() => validator(1)).not.toThrow();
  });

  it('turns a refusal into a non-retryable ActionRefused failure carrying the reason', () => {
    const error = (() => {
      try {
        validator(-1);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: ACTION_REFUSED, message: '数量不能为负', nonRetryable: true });
  });

  it('throws a programming error unchanged, never as a refusal', () => {
    expect(() => validator(0)).toThrow(TypeError);
  });
});
