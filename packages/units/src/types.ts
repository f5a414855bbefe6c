import { z } from 'zod';

/**
 * What sort of organ a unit is. The workflows route by kind: a `town` gets its own rectification
 * case (耕地保护), a `bureau` gets supervision items (督办事项), `leadership` is an escalation target.
 */
export const UNIT_KINDS = [
  'leadership', // 市委、市政府、人大、政协
  'party', // 市委工作部门: 组织部、宣传部、纪委监委、编办 …
  'office', // 办公室、督查室
  'bureau', // 政府工作部门 (…局)
  'branch', // 垂直管理的派驻机构: 吴忠市生态环境局青铜峡分局、税务局
  'agency', // 事业单位、直属机构: 库区管理局、农经站 …
  'committee', // 议事协调机构: 领导小组、委员会
  'town', // 镇
  'street', // 街道
  'farm', // 农林场
  'park', // 工业园区管委会
  'enterprise', // 国有企业
  'association', // 人民团体: 科协
  'judicial', // 法院
  'village', // 村委会 (土地流转的责任主体, 青政发〔2019〕34号 第三十三条)
  'operator', // 流转土地的经营主体: 企业、大户、合作社 (34号), a login that sees only its own
  // Outside organisations with their own logins (青政办发〔2019〕34号): travel agencies, self-drive
  // clubs, scenic spots and hotels. They act only on their own trips; they take no government duty.
  'business', // 旅游企业、景区、宾馆
  // 青政办发〔2019〕39号: the provider that 民政局 buys social-assistance service from (承接主体), an
  // outside organisation with its own login, and each of its household-check officers (社会救助入户
  // 核查员), a login of its own whose parent is the town, 裕民街道 or 民政局 it is dispatched to.
  'provider', // 承接主体
  'officer', // 社会救助入户核查员
] as const;

export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

/**
 * Kinds of organisation outside the government whose users log in to their own business only:
 * village committees and land operators (青政发〔2019〕34号), travel agencies, scenic spots and
 * hotels (青政办发〔2019〕34号). Their logins are outside users (`Principal.outside`): they see the
 * pages and call the routes a process opens to outside users, never a government desk.
 */
export const OUTSIDE_UNIT_KINDS: readonly UnitKind[] = ['village', 'operator', 'business'];
export const isOutsideKind = (kind: UnitKind): boolean => OUTSIDE_UNIT_KINDS.includes(kind);

/** The pair every other package stores: enough to show and to route. */
export const UnitRefSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
});
export type UnitRef = z.infer<typeof UnitRefSchema>;

export const UnitSchema = UnitRefSchema.extend({
  shortName: z.string().min(1),
  kind: UnitKindSchema,
  /** Every spelling the documents use, without the leading 市/青铜峡市 (that is handled generally). */
  aliases: z.array(z.string()),
  /** The code of the unit this one belongs to (农经站 belongs to 农业农村局). */
  parent: z.string().optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

export type UnitResolution =
  { ok: true; unit: Unit } | { ok: false; reason: 'unknown-unit'; mention: string };

/**
 * A list item resolves to one unit, to a collective (各镇 = the eight towns), to a generic party that
 * is no registry unit (各项目单位, 各相关部门), or to nothing.
 */
export type PartyResolution =
  | { kind: 'unit'; mention: string; unit: Unit }
  | { kind: 'group'; mention: string; group: string; units: Unit[] }
  | { kind: 'generic'; mention: string }
  | { kind: 'unknown'; mention: string };

export interface UnitListResolution {
  /** Registry units in order of first mention, collectives expanded, without duplicates. */
  units: Unit[];
  /** Items that look like names but are in no registry entry. */
  unknown: string[];
  /** Generic parties such as 各项目单位 that name no particular unit. */
  others: string[];
}

export interface UnitMention {
  unit: Unit;
  start: number;
  end: number;
  text: string;
}
