export {
  POLICY_SETTINGS,
  isChangeable,
  policySetting,
  sourceLabel,
  type PolicyAppliesTo,
  type PolicyKey,
  type PolicySettingDefinition,
  type PolicySource,
  type PolicyValue,
} from './settings';
export { mendSourceText, mendedText, type MendedText, type SourceSlip } from './source-text';
