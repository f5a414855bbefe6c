export { createKindergartenRouter } from './router';
export type { KgPrincipal, KindergartenRouterDeps } from './router';
export { startKindergartenServices, ensureGazetteCampaign } from './service';
export type { KindergartenServiceDeps } from './service';
export { startHousModule } from './bureaus/hous/index';
export { startNatresModule } from './bureaus/natres/index';
export { LEDGER_COLUMNS, parseCsv, parseLedgerDate, validateRow, rowsOf } from './ledger';
export { campaignOverview } from './overview';
export { KgCollections } from './collections';
