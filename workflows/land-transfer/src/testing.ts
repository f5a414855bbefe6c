// Test helpers for the land-transfer workflow (not part of the runtime).
import { testActors } from '@duban/workflow-core/testing/actors';
import type { ApplicationBody, ReviewChecks } from './contracts/index';

export const actor = testActors('lt-test-req');

/** An application of `areaMu` 亩 in one parcel, 2019-05 to 2028-12-31. */
export function applicationOf(areaMu: number, over: Partial<ApplicationBody> = {}): ApplicationBody {
  return {
    operatorCode: 'operator-huinong',
    operatorName: '青铜峡市惠农农业发展有限公司',
    operatorKind: 'enterprise',
    local: true,
    villageCode: 'village-xiaoba-minle',
    villageName: '民乐村',
    townCode: 'town-xiaoba',
    parcels: [{ name: '一组东滩', location: '民乐村一组', areaMu }],
    use: '设施蔬菜种植',
    termStart: '2019-06-01',
    termEnd: '2028-12-31',
    rentPerMuYear: 600,
    filedOn: '2019-05-06',
    ...over,
  };
}

const ok = (note: string) => ({ passed: true, note });
export const allPassed: ReviewChecks = {
  qualification: ok('营业执照、法人身份齐全'),
  capability: ok('注册资金与技术人员到位'),
  project: ok('符合现代农业发展规划'),
  credit: ok('征信无不良记录'),
  contract: ok('合同条款符合自治区规范文本'),
};
