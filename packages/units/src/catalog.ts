import type { UnitKind } from './types';

/**
 * One registry entry as written by hand. The registry derives the public `Unit` from it.
 *
 * Aliases are written without the leading 市 / 青铜峡市 / 中共 (the resolver strips and re-adds
 * those), except where the 市 is part of the word (市委, 市政府).
 */
export interface UnitEntry {
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  aliases: string[];
  /**
   * Domain stems used in "X部门" and in lists such as "自然资源、农业农村部门" or
   * "住房和城乡建设等部门". A stem alone is never a unit; only stem + 部门 is.
   */
  stems?: string[];
  /**
   * Aliases valid as a list item but too ambiguous to count as a mention in running text
   * (工业园区 is also a place, 党校 also appears in 网上移动党校).
   */
  listOnly?: string[];
  parent?: string;
}

/** A collective that a list may name instead of its members (各镇 = the eight towns). */
export interface GroupEntry {
  code: string;
  name: string;
  aliases: string[];
  members: string[];
}

const bureau = (
  code: string,
  core: string,
  shortName: string,
  aliases: string[] = [],
  stems: string[] = [],
): UnitEntry => ({
  code,
  name: `青铜峡市${core}`,
  shortName,
  kind: 'bureau',
  aliases: [core, ...aliases],
  stems,
});

const town = (code: string, name: string): UnitEntry => ({
  code: `town-${code}`,
  name: `青铜峡市${name}`,
  shortName: name,
  kind: 'town',
  aliases: [name, `${name}人民政府`, `${name}政府`],
});

export const TOWN_CODES = [
  'town-xiaoba',
  'town-daba',
  'town-qingtongxia',
  'town-yesheng',
  'town-qujing',
  'town-xiakou',
  'town-shaogang',
  'town-chenyuantan',
] as const;

export const UNIT_ENTRIES: readonly UnitEntry[] = [
  // 领导机关
  {
    code: 'cpc-committee',
    name: '中共青铜峡市委员会',
    shortName: '市委',
    kind: 'leadership',
    aliases: ['市委', '市委员会'],
  },
  {
    code: 'gov',
    name: '青铜峡市人民政府',
    shortName: '市政府',
    kind: 'leadership',
    aliases: ['市人民政府', '市政府'],
    listOnly: ['人民政府', '政府'],
  },
  {
    code: 'npc',
    name: '青铜峡市人民代表大会常务委员会',
    shortName: '市人大',
    kind: 'leadership',
    aliases: ['市人大', '市人大常委会'],
    listOnly: ['人大'],
  },
  {
    code: 'cppcc',
    name: '政协青铜峡市委员会',
    shortName: '市政协',
    kind: 'leadership',
    aliases: ['市政协'],
    listOnly: ['政协'],
  },

  // 市委工作机关
  {
    code: 'cpc-office',
    name: '中共青铜峡市委办公室',
    shortName: '市委办',
    kind: 'office',
    aliases: ['市委办公室', '市委办'],
  },
  {
    code: 'cpc-inspection',
    name: '中共青铜峡市委督查室',
    shortName: '市委督查室',
    kind: 'office',
    aliases: ['市委督查室'],
  },
  {
    // 纪委与监委合署办公, the documents treat them as one organ.
    code: 'discipline',
    name: '中共青铜峡市纪律检查委员会 青铜峡市监察委员会',
    shortName: '纪委监委',
    kind: 'party',
    aliases: ['纪委监委', '纪委', '监委', '纪律检查委员会', '监察委员会'],
  },
  {
    code: 'org-dept',
    name: '中共青铜峡市委组织部',
    shortName: '组织部',
    kind: 'party',
    aliases: ['市委组织部', '组织部'],
  },
  {
    code: 'publicity',
    name: '中共青铜峡市委宣传部',
    shortName: '宣传部',
    kind: 'party',
    aliases: ['市委宣传部', '宣传部'],
  },
  {
    code: 'staffing',
    name: '中共青铜峡市委机构编制委员会办公室',
    shortName: '编办',
    kind: 'party',
    aliases: ['市委编办', '编办', '机构编制委员会办公室'],
  },
  {
    code: 'cyberspace',
    name: '中共青铜峡市委网络安全和信息化委员会办公室',
    shortName: '网信办',
    kind: 'party',
    aliases: ['市委网信办', '网信办'],
  },
  {
    code: 'party-school',
    name: '中共青铜峡市委党校',
    shortName: '党校',
    kind: 'party',
    aliases: ['市委党校'],
    listOnly: ['党校'],
  },
  {
    code: 'politics-law',
    name: '中共青铜峡市委政法委员会',
    shortName: '政法委',
    kind: 'party',
    aliases: ['市委政法委', '政法委', '政法委员会'],
  },

  // 政府办公机构
  {
    code: 'gov-office',
    name: '青铜峡市人民政府办公室',
    shortName: '政府办',
    kind: 'office',
    aliases: ['市人民政府办公室', '市政府办公室', '政府办公室', '人民政府办公室', '政府办', '市政府办'],
  },
  {
    // 青政办发〔2019〕40号 四(五): "市考核办要进一步细化完善考核细则".
    code: 'assessment-office',
    name: '青铜峡市考核办公室',
    shortName: '考核办',
    kind: 'office',
    aliases: ['市考核办', '考核办', '考核办公室'],
  },
  {
    code: 'gov-inspection',
    name: '青铜峡市人民政府督查室',
    shortName: '政府督查室',
    kind: 'office',
    aliases: ['市政府督查室', '政府督查室'],
    listOnly: ['督查室'],
  },

  // 政府工作部门
  bureau(
    'ndrc',
    '发展和改革局',
    '发改局',
    ['发展和改革委员会', '发改局', '发改委'],
    ['发改', '发展和改革', '发展改革'],
  ),
  bureau('miit', '工业和信息化局', '工信局', ['工信局'], ['工信', '工业和信息化']),
  bureau('edu', '教育局', '教育局', [], ['教育']),
  bureau('sci', '科学技术局', '科技局', ['科技局'], ['科技', '科学技术']),
  bureau('police', '公安局', '公安局', [], ['公安']),
  bureau('civil', '民政局', '民政局', [], ['民政']),
  bureau('justice', '司法局', '司法局', [], ['司法行政']),
  bureau('fin', '财政局', '财政局', ['市财政局', '市财政'], ['财政']),
  bureau(
    'hrss',
    '人力资源和社会保障局',
    '人社局',
    ['人力资源社会保障局', '人社局'],
    ['人社', '人力资源和社会保障', '人力资源社会保障'],
  ),
  // 2019 机构改革: 国土资源局 and 林业 went into 自然资源局.
  bureau('natres', '自然资源局', '自然资源局', ['国土资源局'], ['自然资源', '国土资源', '林业']),
  bureau(
    'hous',
    '住房和城乡建设局',
    '住建局',
    ['住房城乡建设局', '住建局'],
    ['住建', '住房和城乡建设', '住房城乡建设'],
  ),
  bureau('transport', '交通运输局', '交通运输局', ['交通局'], ['交通运输', '交通']),
  // 水利局 is the pre-reform name still used in 青政办发〔2019〕40号.
  bureau('water', '水务局', '水务局', ['水利局'], ['水务', '水利']),
  bureau('agri', '农业农村局', '农业农村局', ['农业局'], ['农业农村', '农业']),
  bureau('commerce', '商务和投资促进局', '商投局', ['商务局', '商投局'], ['商务']),
  bureau(
    'culture',
    '文化旅游体育广电局',
    '文旅广电局',
    ['文化和旅游局', '文化旅游局', '文旅广电局', '文旅局'],
    ['文化和旅游', '文化旅游', '文旅', '旅游'],
  ),
  bureau('health', '卫生健康局', '卫健局', ['卫健局', '卫生和健康局'], ['卫生健康', '卫健']),
  bureau('emergency', '应急管理局', '应急管理局', ['应急局'], ['应急管理']),
  bureau('audit', '审计局', '审计局', [], ['审计']),
  bureau('stats', '统计局', '统计局', [], ['统计']),
  bureau('market', '市场监督管理局', '市场监管局', ['市场监管局'], ['市场监管', '市场监督管理']),
  bureau('approval', '审批服务管理局', '审批服务局', ['审批服务局', '行政审批服务局']),
  bureau('finance-affairs', '金融工作局', '金融工作局', ['金融办']),
  bureau('petition', '信访局', '信访局', [], ['信访']),

  // 垂直管理、派驻机构
  {
    code: 'eco',
    name: '吴忠市生态环境局青铜峡分局',
    shortName: '生态环境分局',
    kind: 'branch',
    aliases: ['吴忠市生态环境局青铜峡分局', '生态环境局青铜峡分局', '生态环境分局', '生态环境局', '环保局'],
    stems: ['生态环境', '环保', '环境保护'],
  },
  {
    code: 'tax',
    name: '国家税务总局青铜峡市税务局',
    shortName: '税务局',
    kind: 'branch',
    aliases: ['税务局'],
    stems: ['税务'],
  },
  {
    code: 'court',
    name: '青铜峡市人民法院',
    shortName: '法院',
    kind: 'judicial',
    aliases: ['人民法院', '法院'],
  },

  // 直属机构、事业单位
  {
    code: 'reservoir',
    name: '青铜峡库区管理局',
    shortName: '库区管理局',
    kind: 'agency',
    aliases: ['库区管理局'],
  },
  {
    code: 'agri-econ-station',
    name: '青铜峡市农村经济经营管理站',
    shortName: '农经站',
    kind: 'agency',
    aliases: ['农经站', '农村经济经营管理站'],
    parent: 'agri',
  },
  {
    code: 'land-transfer-center',
    name: '青铜峡市农村土地流转服务中心',
    shortName: '市土地流转服务中心',
    kind: 'agency',
    aliases: ['市级农村土地流转服务中心', '市农村土地流转服务中心', '市级土地流转服务中心'],
    parent: 'agri',
  },
  {
    code: 'tourism-marketing',
    name: '青铜峡市旅游营销中心',
    shortName: '旅游营销中心',
    kind: 'agency',
    aliases: ['旅游营销中心'],
    parent: 'culture',
  },
  {
    code: 'park',
    name: '青铜峡工业园区管理委员会',
    shortName: '工业园区管委会',
    kind: 'park',
    aliases: ['工业园区管委会', '工业园区管理委员会', '园区管委会'],
    listOnly: ['工业园区'],
  },

  // 议事协调机构
  {
    code: 'planning-committee',
    name: '青铜峡市城乡规划委员会',
    shortName: '城乡规划委员会',
    kind: 'committee',
    aliases: ['市城乡规划委员会', '城乡规划委员会'],
  },
  {
    code: 'eco-committee',
    name: '青铜峡市生态建设和环境保护委员会',
    shortName: '生态建设和环境保护委员会',
    kind: 'committee',
    aliases: ['生态建设和环境保护委员会'],
  },
  {
    code: 'edu-internet-group',
    name: '青铜峡市“互联网+教育”工作领导小组',
    shortName: '“互联网+教育”工作领导小组',
    kind: 'committee',
    aliases: ['“互联网+教育”工作领导小组'],
  },
  {
    code: 'kg-group',
    name: '青铜峡市城镇小区配套幼儿园专项治理工作领导小组',
    shortName: '幼儿园专项治理领导小组',
    kind: 'committee',
    aliases: ['城镇小区配套幼儿园专项治理工作领导小组'],
  },
  {
    // Seated in 教育局 / 自然资源局 / 住建局 (青政办发〔2019〕31号 五(一)).
    code: 'kg-office',
    name: '青铜峡市城镇小区配套幼儿园专项治理工作领导小组办公室',
    shortName: '市专项治理办',
    kind: 'office',
    aliases: ['市专项治理办', '专项治理办'],
    parent: 'kg-group',
  },

  // 国有企业
  {
    code: 'telecom',
    name: '中国电信股份有限公司青铜峡分公司',
    shortName: '电信青铜峡分公司',
    kind: 'enterprise',
    aliases: ['中国电信青铜峡分公司', '电信青铜峡分公司'],
  },
  {
    code: 'mobile',
    name: '中国移动通信集团宁夏有限公司青铜峡分公司',
    shortName: '移动青铜峡分公司',
    kind: 'enterprise',
    aliases: ['中国移动青铜峡分公司', '移动青铜峡分公司'],
  },
  {
    code: 'unicom',
    name: '中国联合网络通信有限公司青铜峡市分公司',
    shortName: '联通青铜峡分公司',
    kind: 'enterprise',
    aliases: ['中国联通青铜峡分公司', '联通青铜峡分公司'],
  },

  // 人民团体
  {
    code: 'sast',
    name: '青铜峡市科学技术协会',
    shortName: '科协',
    kind: 'association',
    aliases: ['科协', '科学技术协会'],
  },

  // 镇、街道、农林场
  town('xiaoba', '小坝镇'),
  town('daba', '大坝镇'),
  town('qingtongxia', '青铜峡镇'),
  town('yesheng', '叶盛镇'),
  town('qujing', '瞿靖镇'),
  town('xiakou', '峡口镇'),
  town('shaogang', '邵岗镇'),
  town('chenyuantan', '陈袁滩镇'),
  {
    code: 'street-yumin',
    name: '青铜峡市裕民街道',
    shortName: '裕民街道',
    kind: 'street',
    aliases: ['裕民街道', '裕民街道办事处', '裕民街道办'],
    // The city has one street office, so a bare 街道 in a list means 裕民街道.
    listOnly: ['街道', '街道办事处'],
  },
  {
    // The gazette addresses the state farms and forest farms only collectively (农林场).
    code: 'farms',
    name: '青铜峡市农林场',
    shortName: '农林场',
    kind: 'farm',
    aliases: ['农林场', '各农林场'],
  },
];

export const GROUP_ENTRIES: readonly GroupEntry[] = [
  {
    code: 'all-towns',
    name: '各镇',
    aliases: ['各镇', '各镇人民政府', '各镇政府'],
    members: [...TOWN_CODES],
  },
  {
    code: 'towns-and-farms',
    name: '各镇(场)',
    aliases: ['各镇(场)', '镇(场)', '各镇场'],
    members: [...TOWN_CODES, 'farms'],
  },
  {
    code: 'towns-and-street',
    name: '各镇(街道)',
    aliases: ['各镇(街道)', '镇(街道)', '各镇街道'],
    members: [...TOWN_CODES, 'street-yumin'],
  },
];
