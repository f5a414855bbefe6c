import { oneUnitInboxModule } from '../inbox-module';

/**
 * The 政府督查室 module: its inbox (考核评定 and 通报表彰 for the 市政府, 三(十)). The inspector
 * reads it as `GET /api/inbox?unit=gov-inspection`.
 */
export const startOfficeLandModule = oneUnitInboxModule('office', 'gov-inspection', 'office-cultivated-land');
