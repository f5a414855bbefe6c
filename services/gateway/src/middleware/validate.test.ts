import { describe, expect, it } from 'vitest';
import { ActionBodies } from '@duban/workflow-supervision/client';
import { HttpProblem, parsePart } from '@duban/http';
import { redactUrl } from './logging';

describe('parsePart', () => {
  it('names each refused field from the request root', () => {
    let caught: unknown;
    try {
      parsePart('body', ActionBodies['request-extension'], { newDeadline: 'soon', extra: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HttpProblem);
    const problem = caught as HttpProblem;
    expect(problem.status).toBe(400);
    expect(problem.options.errors).toEqual([
      { field: 'body.newDeadline', message: 'expected a date YYYY-MM-DD' },
      { field: 'body.reason', message: expect.any(String) },
      { field: 'body.extra', message: '不允许的字段' },
    ]);
    expect(problem.detail).toContain('body.newDeadline: expected a date YYYY-MM-DD');
  });

  it('returns the parsed value with defaults', () => {
    expect(parsePart('body', ActionBodies.progress, { text: '已完成摸底' })).toEqual({
      text: '已完成摸底',
      attachments: [],
    });
  });
});

describe('redactUrl', () => {
  it('keeps tokens out of logs', () => {
    expect(redactUrl('/api/alerts/stream?access_token=eyJ.abc.def&x=1')).toBe(
      '/api/alerts/stream?access_token=[redacted]&x=1',
    );
  });
});
