import { describe, expect, it } from 'vitest';
import { diffTasks, type DiffTask } from './diff';

const task = (ref: string, over: Partial<DiffTask> = {}): DiffTask => ({
  _id: `n-abc.${ref}`,
  docId: 'n-abc',
  ref,
  title: `任务${ref}`,
  text: `任务${ref}的内容。`,
  lead: [{ code: 'edu', name: '教育局' }],
  cooperating: [],
  deadline: '2025-06-30',
  contentHash: `h${ref}`,
  position: Number(ref),
  ...over,
});

describe('diffTasks', () => {
  it('finds added, changed (with the fields), removed and unchanged tasks', () => {
    const stored = [task('1'), task('2', { version: 3 }), task('3')];
    const planned = [
      task('1'),
      task('2', {
        contentHash: 'h2b',
        deadline: '2025-09-30',
        cooperating: [{ code: 'fin', name: '财政局' }],
      }),
      task('4'),
    ];
    expect(diffTasks(planned, stored)).toEqual({
      added: [{ itemId: 'n-abc.4', ref: '4', title: '任务4' }],
      changed: [
        {
          itemId: 'n-abc.2',
          ref: '2',
          title: '任务2',
          version: 3,
          fields: ['cooperating', 'deadline'],
          restored: false,
        },
      ],
      removed: [{ itemId: 'n-abc.3', ref: '3', title: '任务3' }],
      unchanged: 1,
    });
  });

  it('calls a change outside the compared fields "other", and ignores other documents', () => {
    const elsewhere = task('9', { docId: 'qzbf-2019-31', _id: 'qzbf-2019-31.9' });
    const diff = diffTasks([task('1', { contentHash: 'h1b' })], [task('1'), elsewhere]);
    expect(diff.changed.map((c) => c.fields)).toEqual([['other']]);
    expect(diff.removed).toEqual([]);
  });

  it('does not remove a task twice, and restores one the notice has again', () => {
    const removed = { at: new Date(0), reason: '修订版通知已删除此任务' };
    const diff = diffTasks([task('1')], [task('1', { removed }), task('2', { removed })]);
    expect(diff).toMatchObject({ removed: [], unchanged: 0 });
    expect(diff.changed).toEqual([
      { itemId: 'n-abc.1', ref: '1', title: '任务1', version: 1, fields: [], restored: true },
    ]);
  });

  it('sees a first import as all added', () => {
    expect(diffTasks([task('1'), task('2')], [])).toMatchObject({ changed: [], removed: [], unchanged: 0 });
  });
});
