import { defineGrants } from '@duban/contracts';
import { MARKETING_CENTRE } from './model';

const centre = (what: string) =>
  ({
    roles: ['bureau'],
    units: [MARKETING_CENTRE],
    refusal: `${what}由青铜峡市旅游营销中心办理（青政办发〔2019〕34号 三）`,
  }) as const;

/**
 * Who may take each action of 引客入青 (青政办发〔2019〕34号 三): the agency files and claims its own
 * trips; the scenic spots and the hotel of the itinerary confirm their counts (三.2 由景区和宾馆核实
 * 接待人数); 旅游营销中心 reviews, records express lines, voids (四(一)) and settles. Agencies, spots
 * and hotels are outside users (一、奖励范围): only their three actions are open to them. The
 * workflows check the owner again.
 */
export const TourismGrants = defineGrants({
  'file-trip': {
    roles: ['bureau'],
    owner: '旅行社、自驾车俱乐部本单位（账号所属单位即备案单位）',
    outside: true,
  },
  claim: { roles: ['bureau'], owner: '备案的旅行社或自驾车俱乐部', outside: true },
  'confirm-count': { roles: ['bureau'], owner: '行程中的景区或宾馆', outside: true },
  verify: centre('申请审核'),
  reject: centre('申请审核'),
  'record-line': centre('旅游直通车专线登记'),
  void: centre('不予奖励的认定'),
  settle: centre('年底结算'),
});
