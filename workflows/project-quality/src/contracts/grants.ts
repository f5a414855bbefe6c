import { defineGrants } from '@duban/contracts';
import { NDRC, STATS } from './model';

/**
 * Who may act in 项目提质增效年 (青政办发〔2019〕40号): each unit reports its own work (四(三) "将本单位
 * 开展工作情况报发展和改革局"); 发改局 keeps the ledger (四(三) 销号台账, 发展和改革局牵头) and issues
 * the monthly notice (二(三)); 政府督查室 leads the 约谈 (二(三)).
 */
export const ProjectQualityGrants = defineGrants({
  report: { roles: ['bureau'], owner: '报送单位本身', refusal: '每月工作情况由各单位报送本单位的（四(三)）' },
  ledger: {
    roles: ['bureau'],
    owner: '市发展和改革局',
    refusal: '销号台账由发展和改革局建立（四(三)）',
    units: [NDRC],
  },
  notice: {
    roles: ['bureau'],
    owner: '市发展和改革局',
    refusal: '月度通报由发展和改革局发布（二(三)）',
    units: [NDRC],
  },
  summon: {
    roles: ['bureau'],
    owner: '市发展和改革局',
    refusal: '约谈名单由发展和改革局按季度排名提出（二(三)）',
    units: [NDRC],
  },
  /** 一(一)'s growth is a statistic, which 统计局 gives (our reading: 40号 names no unit for it). */
  growth: {
    roles: ['bureau'],
    owner: '市统计局',
    refusal: '固定资产投资增速由统计局报送（一(一)）',
    units: [STATS],
  },
  indicator: { roles: ['bureau'], owner: '指标的牵头单位', refusal: '指标值由牵头单位报送' },
});
