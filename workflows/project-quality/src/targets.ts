// 一 主要目标 of 40号: the 2019 targets, each with its comparison. 以上/以下/以内 include the number
// (民法典第一千二百五十九条); "实现正增长" is strictly above 0.
import type { Comparison } from './comparison';

export interface YearTarget {
  key:
    | 'growth'
    | 'region-key'
    | 'wuzhong-key'
    | 'basic-count'
    | 'basic-investment'
    | 'reserve'
    | 'reserve-upgrade'
    | 'design-output';
  ref: string;
  label: string;
  comparison: Comparison;
  target: number;
  unit: string;
  quote: string;
}

export const TARGETS_2019: readonly YearTarget[] = [
  {
    key: 'growth',
    ref: '一(一)',
    label: '固定资产投资增速',
    comparison: 'gt',
    target: 0,
    unit: '%',
    quote: '力争增速由去年全年下降17.3%,实现正增长',
  },
  {
    key: 'region-key',
    ref: '一(二)',
    label: '自治区级重点项目完成年度投资任务',
    comparison: 'gte',
    target: 2,
    unit: '个',
    quote: '抓好2个自治区级重点建设项目',
  },
  {
    key: 'wuzhong-key',
    ref: '一(二)',
    label: '吴忠市重点项目完成年度投资任务',
    comparison: 'gte',
    target: 13,
    unit: '个',
    quote: '13个吴忠市重点建设项目,确保完成年度投资任务',
  },
  {
    key: 'basic-count',
    ref: '一(二)',
    label: '基本建设项目',
    comparison: 'gte',
    target: 145,
    unit: '个',
    quote: '切实抓好145个基本建设项目',
  },
  {
    key: 'basic-investment',
    ref: '一(二)',
    label: '基本建设项目完成投资',
    comparison: 'gte',
    target: 672000,
    unit: '万元',
    quote: '确保完成投资67.2亿元以上',
  },
  {
    key: 'reserve',
    ref: '一(三)',
    label: '储备亿元以上项目',
    comparison: 'gte',
    target: 10,
    unit: '个',
    quote: '储备亿元以上项目10个以上',
  },
  {
    key: 'reserve-upgrade',
    ref: '一(三)',
    label: '其中产业转型升级项目占比',
    comparison: 'gte',
    target: 50,
    unit: '%',
    quote: '其中产业转型升级项目占比达到50%以上',
  },
  {
    key: 'design-output',
    ref: '一(四)',
    label: '2017—2018年建成的重点项目6月前达产达效',
    comparison: 'gte',
    target: 100,
    unit: '%',
    quote: '力争2017年—2018年建成的各级重点建设项目在6月份前实现达产达效',
  },
];
