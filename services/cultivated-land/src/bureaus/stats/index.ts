import { oneUnitInboxModule } from '../inbox-module';

/** The 统计局 module: its inbox (参与耕地保护责任目标履行情况考核, 三(九)). */
export const startStatsLandModule = oneUnitInboxModule('stats', 'stats', 'bureau-stats-cultivated-land');
