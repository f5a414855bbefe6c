/** Every fact of the cultivated-land process (青政办发〔2019〕28号); each carries its snapshot. */
export const LAND_FACTS = [
  'rectification_opened',
  'rectification_step_completed',
  'problems_listed',
  'plan_submitted',
  'plan_approved',
  'plan_returned',
  'extension_requested',
  'deadline_extended',
  'extension_refused',
  'rectification_colour_changed',
  'rectification_closed',
  'targets_set',
  'report_submitted',
  'town_commended',
  'town_criticised',
  'land_business_suspended',
  'rectification_reported',
  'rectification_failed',
  'suspension_lifted',
  'accountability_escalated',
  'assessment_colour_changed',
  'assessment_closed',
] as const;

export const landEventType = (fact: string) => `cn.gov.qtx.duban.cultivated.${fact}.v1`;
