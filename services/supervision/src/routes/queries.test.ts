// Issue 14 point 7: OCR slips of the source are mended in titles and in search. A search typed as
// the gazette prints it (青政办发〔2019〕34号: 引客人青; 青党办〔2019〕65号 二 1.: a stray "and")
// finds the mended title.
import { describe, expect, it } from 'vitest';
import type { Principal } from '@duban/http';
import { itemsFilter } from './queries';

const inspector: Principal = { username: 'inspector', name: '督查室', role: 'inspector', unitCode: null };

describe('itemsFilter search (mended source text)', () => {
  it('a search typed as printed (引客人青) looks for the mended words (引客入青)', () => {
    expect(itemsFilter({ q: '引客人青奖励' }, inspector)).toEqual({
      title: { $regex: '引客入青奖励', $options: 'i' },
    });
  });

  it('a stray English "and" between Chinese words is searched as 和', () => {
    expect(itemsFilter({ q: '产业结构调整 and 转型升级' }, inspector)).toEqual({
      title: { $regex: '产业结构调整和转型升级', $options: 'i' },
    });
  });

  it('regular-expression characters are taken as written', () => {
    expect(itemsFilter({ q: '四.(二)' }, inspector)).toEqual({
      title: { $regex: '四\\.\\(二\\)', $options: 'i' },
    });
  });
});
