import { describe, expect, it } from 'vitest';
import {
  allUnits,
  createUnitRegistry,
  defaultUnitRegistry,
  findUnitMentions,
  readUnitListPrefix,
  resolveParty,
  resolveUnit,
  resolveUnitList,
  splitUnitList,
  TOWN_CODES,
  unitByCode,
  UnitRegistryError,
  unitsFileData,
  UnitsFileError,
  unitsFileRegistry,
  unitsFromRows,
  withUnitRegistry,
  type UnitEntry,
} from './index';

const codeOf = (mention: string) => {
  const hit = resolveUnit(mention);
  return hit.ok ? hit.unit.code : `unknown:${hit.mention}`;
};
const listCodes = (text: string) => {
  const r = resolveUnitList(text);
  return { units: r.units.map((u) => u.code), unknown: r.unknown, others: r.others };
};

// A made-up county with two streets and three towns, written as its own list would be.
const yongning = (extra: Partial<UnitEntry>[] = []) =>
  createUnitRegistry({
    cityName: '永宁县',
    units: [
      { code: 'fin', name: '永宁县财政局', shortName: '财政局', kind: 'bureau', aliases: ['财政局'] },
      { code: 'ndrc', name: '永宁县发展和改革局', shortName: '发改局', kind: 'bureau', aliases: ['发改局'] },
      { code: 'town-a', name: '永宁县甲镇', shortName: '甲镇', kind: 'town', aliases: ['甲镇'] },
      { code: 'town-b', name: '永宁县乙镇', shortName: '乙镇', kind: 'town', aliases: ['乙镇'] },
      { code: 'street-a', name: '永宁县东街道', shortName: '东街道', kind: 'street', aliases: ['东街道'] },
      { code: 'street-b', name: '永宁县西街道', shortName: '西街道', kind: 'street', aliases: ['西街道'] },
      ...(extra as UnitEntry[]),
    ],
    groups: [
      { code: 'all-streets', name: '各街道', aliases: ['各街道办事处'], members: ['street-a', 'street-b'] },
    ],
  });

describe('the office extends the registry', () => {
  const extended = defaultUnitRegistry().extend({
    units: [
      {
        code: 'big-data',
        name: '青铜峡市大数据中心',
        shortName: '大数据中心',
        kind: 'agency',
        aliases: ['大数据中心'],
      },
    ],
    aliases: [
      { code: 'edu', alias: '教体局' },
      { code: 'big-data', alias: '数据局' },
    ],
  });

  it('maps new names and new units, with every prefix, only inside withUnitRegistry', () => {
    expect(codeOf('市教体局')).toMatch(/^unknown/);
    withUnitRegistry(extended, () => {
      expect(['教体局', '市教体局', '青铜峡市教体局'].map(codeOf)).toEqual(['edu', 'edu', 'edu']);
      expect(['大数据中心', '市数据局'].map(codeOf)).toEqual(['big-data', 'big-data']);
      expect(unitByCode('big-data')?.aliases).toEqual(['大数据中心', '数据局']);
      expect(unitByCode('edu')?.aliases).toContain('教体局');
      expect(allUnits()).toHaveLength(defaultUnitRegistry().index.units.length + 1);
      expect(listCodes('市教体局、数据局').units).toEqual(['edu', 'big-data']);
      expect(findUnitMentions('由市教体局牵头').map((m) => m.unit.code)).toEqual(['edu']);
    });
    expect(codeOf('教体局')).toMatch(/^unknown/);
    expect(unitByCode('big-data')).toBeUndefined();
  });

  it('restores the previous registry when the call throws, and nests', () => {
    expect(() =>
      withUnitRegistry(extended, () => {
        expect(codeOf('教体局')).toBe('edu');
        withUnitRegistry(defaultUnitRegistry(), () => expect(codeOf('教体局')).toMatch(/^unknown/));
        expect(codeOf('教体局')).toBe('edu');
        throw new Error('parse failed');
      }),
    ).toThrow('parse failed');
    expect(codeOf('教体局')).toMatch(/^unknown/);
  });

  it('refuses an asynchronous function, which would outlive the registry', () => {
    expect(() => withUnitRegistry(extended, async () => codeOf('教体局'))).toThrow(/synchronous/);
  });

  it('refuses a name claimed by two units, naming both', () => {
    const clash = () => defaultUnitRegistry().extend({ aliases: [{ code: 'edu', alias: '财政局' }] });
    expect(clash).toThrow(UnitRegistryError);
    expect(clash).toThrow('unit alias "财政局" claimed by edu and fin');
    expect(() => defaultUnitRegistry().extend({ aliases: [{ code: 'nope', alias: 'x局' }] })).toThrow(
      /unknown unit nope/,
    );
    expect(() =>
      defaultUnitRegistry().extend({
        units: [
          { code: 'edu', name: '青铜峡市教育体育局', shortName: '教体局', kind: 'bureau', aliases: [] },
        ],
      }),
    ).toThrow(/defined twice/);
  });
});

describe('prefixes come from the city name', () => {
  it('takes 县 and the county name for a county, and no 市', () => {
    withUnitRegistry(yongning(), () => {
      expect(['财政局', '县财政局', '永宁县财政局', '中共永宁县财政局'].map(codeOf)).toEqual([
        'fin',
        'fin',
        'fin',
        'fin',
      ]);
      expect(codeOf('市财政局')).toMatch(/^unknown/);
      expect(splitUnitList('县发改局、财政局')).toEqual(['县发改局', '县财政局']);
    });
  });

  it('takes 区 for a district', () => {
    const district = createUnitRegistry({
      cityName: '金凤区',
      units: [
        { code: 'fin', name: '金凤区财政局', shortName: '财政局', kind: 'bureau', aliases: ['财政局'] },
      ],
    });
    withUnitRegistry(district, () =>
      expect(['区财政局', '金凤区财政局'].map(codeOf)).toEqual(['fin', 'fin']),
    );
  });

  it('keeps Qingtongxia on 市 (区 there means 自治区)', () => {
    expect(codeOf('区财政局')).toMatch(/^unknown/);
    expect(codeOf('市财政局')).toBe('fin');
  });
});

describe('lists ending in 等', () => {
  it('drops 等, 等部门, 等有关单位, 等N个部门 and keeps 各有关单位 as a party', () => {
    expect(listCodes('市财政局、审计局等').units).toEqual(['fin', 'audit']);
    expect(listCodes('市财政局、审计局等部门').units).toEqual(['fin', 'audit']);
    expect(listCodes('市财政局、审计局等有关单位').units).toEqual(['fin', 'audit']);
    expect(listCodes('市财政局、审计局等3个部门').units).toEqual(['fin', 'audit']);
    expect(listCodes('市财政局、审计局等各有关单位')).toEqual({
      units: ['fin', 'audit'],
      unknown: [],
      others: ['各有关单位'],
    });
    expect(listCodes('市财政局、各有关单位')).toEqual({
      units: ['fin'],
      unknown: [],
      others: ['各有关单位'],
    });
  });

  it('closes a subject list on the same words', () => {
    const ends = (clause: string) => readUnitListPrefix(clause)?.end;
    expect(ends('市财政局、审计局等各有关单位要')).toBe('市财政局、审计局等各有关单位'.length);
    expect(ends('市财政局、审计局等3个部门要')).toBe('市财政局、审计局等3个部门'.length);
  });
});

describe('collective mentions', () => {
  it('resolve to the registry group, else to a generic party', () => {
    expect(resolveParty('各镇（场）')).toMatchObject({ kind: 'group', group: 'towns-and-farms' });
    expect(listCodes('各镇（场）、街道').units).toEqual([...TOWN_CODES, 'farms', 'street-yumin']);
    expect(resolveParty('各县区政府').kind).toBe('generic');
    expect(resolveParty('各街道办事处').kind).toBe('generic');
    withUnitRegistry(yongning(), () => {
      expect(listCodes('各街道办事处、财政局').units).toEqual(['street-a', 'street-b', 'fin']);
    });
  });

  it('open a subject list', () => {
    const parties = (clause: string) =>
      readUnitListPrefix(clause)?.parties.map((p) => (p.kind === 'group' ? p.group : p.kind));
    expect(parties('各县区政府、市财政局要')).toEqual(['generic', 'unit']);
    expect(parties('各街道办事处要')).toEqual(['generic']);
    expect(parties('各镇（场）、街道要')).toEqual(['towns-and-farms', 'unit']);
  });
});

describe('names run together', () => {
  it('are split against the registry, longest name first', () => {
    expect(listCodes('市发改局财政局')).toEqual({ units: ['ndrc', 'fin'], unknown: [], others: [] });
    expect(listCodes('自然资源局住建局').units).toEqual(['natres', 'hous']);
    expect(listCodes('市教育局、自然资源局住建局、财政局').units).toEqual(['edu', 'natres', 'hous', 'fin']);
    expect(
      readUnitListPrefix('市发改局财政局要加强')?.parties.map((p) =>
        p.kind === 'unit' ? p.unit.code : p.kind,
      ),
    ).toEqual(['ndrc', 'fin']);
  });

  it('are left whole when any part is unknown', () => {
    expect(listCodes('市发改局太空局').unknown).toEqual(['市发改局太空局']);
    expect(listCodes('住房和城乡建设局').units).toEqual(['hous']);
  });
});

describe('a city list replaces the built-in catalog', () => {
  const rows = [
    ['城市', '永宁县'],
    ['代码', '名称', '简称', '类别', '别名', '上级'],
    ['fin', '永宁县财政局', '财政局', '政府部门', '财政局、县财政'],
    [],
    ['town-a', '永宁县甲镇', '甲镇', '镇', '甲镇'],
    ['town-b', '永宁县乙镇', '乙镇', 'town', '乙镇,乙镇政府'],
    ['pay', '永宁县国库支付中心', '支付中心', '事业单位', '国库支付中心', 'fin'],
  ];

  it('reads a spreadsheet list, derives 各镇, and knows nothing of Qingtongxia', () => {
    const { data, rowOf } = unitsFromRows('units.xlsx', rows);
    const registry = unitsFileRegistry('units.xlsx', data, rowOf);
    withUnitRegistry(registry, () => {
      expect(allUnits().map((u) => u.code)).toEqual(['fin', 'town-a', 'town-b', 'pay']);
      expect(unitByCode('pay')?.parent).toBe('fin');
      expect(listCodes('各乡镇、县财政局、国库支付中心').units).toEqual(['town-a', 'town-b', 'fin', 'pay']);
      expect(codeOf('教育局')).toMatch(/^unknown/);
    });
  });

  it('names the row at fault', () => {
    const bad = rows.map((r) => [...r]);
    (bad[5] as string[])[3] = '太空部门';
    expect(() => unitsFromRows('units.xlsx', bad)).toThrow(UnitsFileError);
    expect(() => unitsFromRows('units.xlsx', bad)).toThrow(/units\.xlsx, row 6: kind: 类别「太空部门」/);
    const clash = rows.map((r) => [...r]);
    (clash[6] as string[])[4] = '财政局';
    const { data, rowOf } = unitsFromRows('units.xlsx', clash);
    expect(() => unitsFileRegistry('units.xlsx', data, rowOf)).toThrow(
      /row 3, row 7: unit alias "财政局" claimed by fin and pay/,
    );
    expect(() => unitsFromRows('units.xlsx', rows.slice(1))).toThrow(/row 1/);
    expect(() => unitsFileData('units.json', { cityName: '永宁县', units: [{ code: 'Fin' }] })).toThrow(
      /units\.json, units\[0\]: code: 代码为小写字母/,
    );
  });
});
