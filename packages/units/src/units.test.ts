import { describe, expect, it } from 'vitest';
import {
  allUnits,
  findUnitMentions,
  readUnitListPrefix,
  resolveParty,
  resolveUnit,
  resolveUnitList,
  splitUnitList,
  TOWN_CODES,
  unitByCode,
  UnitSchema,
} from './index';

const codeOf = (mention: string) => {
  const hit = resolveUnit(mention);
  return hit.ok ? hit.unit.code : `unknown:${hit.mention}`;
};

describe('registry', () => {
  it('has unique codes, valid entries and every town', () => {
    const units = allUnits();
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    for (const unit of units) expect(UnitSchema.safeParse(unit).success).toBe(true);
    expect(TOWN_CODES.map((c) => unitByCode(c)?.shortName)).toEqual([
      '小坝镇',
      '大坝镇',
      '青铜峡镇',
      '叶盛镇',
      '瞿靖镇',
      '峡口镇',
      '邵岗镇',
      '陈袁滩镇',
    ]);
    expect(unitByCode('street-yumin')?.kind).toBe('street');
    expect(unitByCode('no-such-code')).toBeUndefined();
  });

  it('gives every code an ASCII form', () => {
    for (const unit of allUnits()) expect(unit.code).toMatch(/^[a-z][a-z0-9-]*$/);
  });
});

describe('resolveUnit', () => {
  it('maps the aliases the design names to one code', () => {
    expect(['市发展和改革委员会', '发展和改革局', '发改局'].map(codeOf)).toEqual(['ndrc', 'ndrc', 'ndrc']);
    expect(['水务局', '水利局'].map(codeOf)).toEqual(['water', 'water']);
    expect(['文化旅游体育广电局', '文化和旅游局'].map(codeOf)).toEqual(['culture', 'culture']);
    expect(['住房和城乡建设局', '住建局'].map(codeOf)).toEqual(['hous', 'hous']);
    expect(['吴忠市生态环境局青铜峡分局', '生态环境分局'].map(codeOf)).toEqual(['eco', 'eco']);
  });

  it('accepts the name with and without 市 / 青铜峡市 / 中共', () => {
    expect(['教育局', '市教育局', '青铜峡市教育局'].map(codeOf)).toEqual(['edu', 'edu', 'edu']);
    expect(codeOf('中共青铜峡市委组织部')).toBe('org-dept');
    expect(codeOf('青铜峡市委办公室')).toBe('cpc-office');
    expect(codeOf('青铜峡市人民政府办公室')).toBe('gov-office');
    expect(codeOf('中共青铜峡市委员会')).toBe('cpc-committee');
    expect(codeOf('青铜峡工业园区管委会')).toBe('park');
  });

  it('does not mistake the 市 of 市场 for a prefix, nor a town for the city', () => {
    expect(codeOf('市场监管局')).toBe('market');
    expect(codeOf('市市场监督管理局')).toBe('market');
    expect(codeOf('青铜峡镇')).toBe('town-qingtongxia');
  });

  it('normalises full-width forms, spaces, bold markers and a trailing 等', () => {
    expect(codeOf('　市　财政局 ')).toBe('fin');
    expect(codeOf('**市教育局**')).toBe('edu');
    expect(codeOf('各镇（场）')).toMatch(/^unknown/); // a collective, not one unit
    expect(resolveParty('各镇（场）')).toMatchObject({ kind: 'group', group: 'towns-and-farms' });
    expect(codeOf('审计局等')).toBe('audit');
    expect(codeOf('住房和城乡建设等部门')).toBe('hous');
  });

  it('reports what it does not know', () => {
    expect(resolveUnit('市太空探索局')).toEqual({
      ok: false,
      reason: 'unknown-unit',
      mention: '市太空探索局',
    });
    expect(resolveUnit('')).toMatchObject({ ok: false });
    // A bare domain stem is a word, not a unit: only stem + 部门 is.
    expect(codeOf('自然资源')).toMatch(/^unknown/);
    expect(codeOf('自然资源部门')).toBe('natres');
  });
});

describe('splitUnitList', () => {
  it('distributes a leading 市 over the names after it', () => {
    expect(splitUnitList('市工业和信息化局、水务局')).toEqual(['市工业和信息化局', '市水务局']);
  });

  it('leaves names that carry their own place alone', () => {
    expect(splitUnitList('市农业农村局、吴忠市生态环境局青铜峡分局、峡口镇')).toEqual([
      '市农业农村局',
      '吴忠市生态环境局青铜峡分局',
      '峡口镇',
    ]);
    expect(splitUnitList('市财政局、市场监督管理局')).toEqual(['市财政局', '市场监督管理局']);
  });

  it('keeps 和 inside names and splits on it between names', () => {
    expect(splitUnitList('住房和城乡建设局、人力资源和社会保障局')).toEqual([
      '住房和城乡建设局',
      '人力资源和社会保障局',
    ]);
    expect(splitUnitList('农业农村局和财政局')).toEqual(['农业农村局', '财政局']);
    expect(splitUnitList('审计局及各相关单位')).toEqual(['审计局', '各相关单位']);
  });

  it('splits on full- and half-width separators alike', () => {
    expect(splitUnitList('民政局，司法局；统计局,审计局')).toEqual(['民政局', '司法局', '统计局', '审计局']);
  });

  it('lets a closing 部门 cover bare stems and 督查室 cover a bare organ', () => {
    expect(splitUnitList('自然资源和住建部门')).toEqual(['自然资源部门', '住建部门']);
    expect(splitUnitList('公安、水务、林业等部门')).toEqual(['公安部门', '水务部门', '林业部门']);
    expect(splitUnitList('市委、政府督查室')).toEqual(['市委督查室', '市政府督查室']);
  });
});

describe('resolveUnitList', () => {
  it('expands collectives, drops duplicates, sets generic parties apart', () => {
    const result = resolveUnitList('各镇、裕民街道办事处、农林场，财政局、市财政局及各项目单位');
    expect(result.units.map((u) => u.code)).toEqual([...TOWN_CODES, 'street-yumin', 'farms', 'fin']);
    expect(result.others).toEqual(['各项目单位']);
    expect(result.unknown).toEqual([]);
  });

  it('reports unknown names with the distributed prefix', () => {
    const result = resolveUnitList('市教育局、太空探索局、财政局');
    expect(result.units.map((u) => u.code)).toEqual(['edu', 'fin']);
    expect(result.unknown).toEqual(['市太空探索局']);
  });
});

describe('findUnitMentions', () => {
  it('finds the longest alias and skips names owned by a higher level', () => {
    const text = '由市教育局信息中心牵头，向自治区财政部门争取资金，市委组织部配合。';
    expect(findUnitMentions(text).map((m) => `${m.unit.code}:${m.text}`)).toEqual([
      'edu:教育局',
      'org-dept:市委组织部',
    ]);
  });

  it('does not count list-only aliases in running text', () => {
    expect(findUnitMentions('推进工业园区建设，建设网上移动党校')).toEqual([]);
  });
});

describe('readUnitListPrefix', () => {
  const codes = (clause: string) =>
    readUnitListPrefix(clause)?.parties.flatMap((p) =>
      p.kind === 'unit' ? [p.unit.code] : p.kind === 'group' ? [p.group] : [`(${p.kind})`],
    );

  it('reads a subject list up to the verb', () => {
    expect(codes('市教育局、自然资源局、住房和城乡建设局等部门要按照职责分工')).toEqual([
      'edu',
      'natres',
      'hous',
    ]);
    expect(readUnitListPrefix('市教育局、自然资源局等部门要')?.end).toBe('市教育局、自然资源局等部门'.length);
    expect(codes('各镇（场）及自然资源、农业农村部门严格按照')).toEqual([
      'towns-and-farms',
      'natres',
      'agri',
    ]);
    expect(codes('由市民政局牵头')).toEqual(['civil']);
  });

  it('refuses bare stems and plain words', () => {
    expect(codes('自然资源资产负债表')).toBeUndefined();
    expect(codes('全面落实河长制')).toBeUndefined();
  });
});
