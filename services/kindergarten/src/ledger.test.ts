import { describe, expect, it } from 'vitest';
import { parseCsv, parseLedgerDate, rowsOf, validateRow, type RawRow } from './ledger';

const HEADER = '小区项目,所在镇,开发企业,土地性质,规划时间,建成时间,现状,拟定类别,项目状态';
const row = (line: string): RawRow => {
  const rows = rowsOf(parseCsv(`${HEADER}\n${line}`));
  if (!Array.isArray(rows)) throw new Error('header');
  return rows[0]!;
};

describe('ledger rows (台账, 四(一))', () => {
  it('parses quoted csv fields and numbers rows as the sheet does', () => {
    expect(parseCsv('a,"b,""c""",d\r\n1,2,3')).toEqual([
      ['a', 'b,"c"', 'd'],
      ['1', '2', '3'],
    ]);
    const rows = rowsOf(
      parseCsv(`\uFEFF${HEADER}\n\n金色家园,小坝镇,某公司,划拨,2012-05-01,,已建成未移交,移交,已建成`),
    );
    expect(Array.isArray(rows) && rows[0]!.row).toBe(3);
    expect(rowsOf(parseCsv('小区项目,所在镇\nx,y'))).toEqual({
      missing: expect.arrayContaining(['开发企业']),
    });
  });

  it('reads the usual date spellings', () => {
    expect(parseLedgerDate('2012年5月1日')).toEqual({ date: '2012-05-01', monthOnly: false });
    expect(parseLedgerDate('2012/5')).toEqual({ date: '2012-05-01', monthOnly: true });
    expect(parseLedgerDate('2019-02-30')).toBeNull();
  });

  it('accepts a good row and maps the Chinese labels', () => {
    const result = validateRow(row('锦绣华庭,小坝镇,某置业,出让,2018-03-01,,未配建,新建,在建'));
    expect(result).toMatchObject({
      ok: true,
      facts: {
        landTenure: 'transferred',
        condition: 'missing',
        proposedCategory: 'build',
        projectStatus: 'under_construction',
      },
    });
  });

  it('reads 不收回 as kept and run as inclusive, not as 回收 (三(三))', () => {
    const kept = validateRow(
      row('幸福里,青铜峡镇,某公司,出让,2008-03-01,2009-09-01,已建成未移交,不收回,已建成'),
    );
    expect(kept).toMatchObject({ ok: true, facts: { proposedCategory: 'inclusive' } });
    // 三(三): one rented out as high-fee private is recovered whatever its planning date.
    const highFee = validateRow(
      row('幸福里,青铜峡镇,某公司,出让,2008-03-01,2009-09-01,违规出租,不收回,已建成'),
    );
    expect(highFee).toMatchObject({ ok: false, reason: expect.stringMatching(/不论规划时间/) });
    const recovered = validateRow(
      row('幸福里,青铜峡镇,某公司,出让,2008-03-01,2009-09-01,违规出租,收回,已建成'),
    );
    expect(recovered).toMatchObject({ ok: true, facts: { proposedCategory: 'recover' } });
  });

  it('reads a signed handover agreement’s date on sold land (三(三) 按协议约定移交)', () => {
    const withAgreement = (line: string) => {
      const rows = rowsOf(parseCsv(`${HEADER},移交协议约定日期\n${line}`));
      if (!Array.isArray(rows)) throw new Error('header');
      return validateRow(rows[0]!);
    };
    expect(
      withAgreement('甲,小坝镇,某公司,出让,2012-05-01,2015-08-01,已建成未移交,移交,已建成,2019年12月31日'),
    ).toMatchObject({ ok: true, facts: { handoverAgreedBy: '2019-12-31' } });
    expect(
      withAgreement('甲,小坝镇,某公司,划拨,2012-05-01,2015-08-01,已建成未移交,移交,已建成,2019-12-31'),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/只用于出让用地.*三\(三\)/) });
    expect(
      withAgreement('甲,小坝镇,某公司,出让,2012-05-01,2015-08-01,已建成未移交,不收回,已建成,2019-12-31'),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/按协议约定/) });
    expect(validateRow(row('甲,小坝镇,某公司,出让,2012-05-01,,已建成未移交,移交,已建成'))).toMatchObject({
      ok: true,
      facts: expect.not.objectContaining({ handoverAgreedBy: expect.anything() }),
    });
  });

  it('rejects bad rows with a reason', () => {
    const reasons = [
      [',小坝镇,某公司,划拨,2012-05-01,,已建成未移交,移交,已建成', /“小区项目”不能为空/],
      ['甲,小坝镇,某公司,租赁,2012-05-01,,已建成未移交,移交,已建成', /土地性质/],
      ['甲,小坝镇,某公司,划拨,2010-11,,已建成未移交,移交,已建成', /须写明日期/],
      ['甲,小坝镇,某公司,划拨,2012-05-01,2011-01-01,已建成未移交,移交,已建成', /早于规划时间/],
      ['甲,小坝镇,某公司,出让,2012-05-01,,出租办成高收费园,移交,已建成', /只能限期回收/],
      ['甲,小坝镇,某公司,出让,2012-05-01,,已建成未移交,移交,在建', /在建或未开工/],
    ] as const;
    for (const [line, reason] of reasons) {
      const result = validateRow(row(line));
      expect(result.ok, line).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });

  it('checks against the 41号 date in force (kindergarten.guofa-2010-41-date)', () => {
    const line = '甲,小坝镇,某公司,出让,2010-12,,已建成未移交,不收回,已建成';
    // A month-only date is ambiguous only in the boundary's month; 2010-12 is after 2010-11-21.
    expect(validateRow(row(line))).toMatchObject({ ok: false, reason: expect.stringMatching(/2010-11-21/) });
    expect(validateRow(row(line), '2010-12-10')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/规划时间在2010年12月，须写明日期.*2010-12-10/),
    });
    expect(
      validateRow(row('甲,小坝镇,某公司,出让,2010-12-01,,已建成未移交,不收回,已建成'), '2010-12-10'),
    ).toMatchObject({ ok: true });
  });
});
