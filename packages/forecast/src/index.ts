export { forecastDocument } from './plan';
export type { Forecast, ForecastItem, ForecastOptions, ItemForecast } from './plan';
export { forecastItemOf } from './items';
export { forecastModule } from './module';
export { simulate, SimulationTimedOut } from './simulate';
export type { Scenario, ScenarioOutcome, Simulation, SimulationInput, SimulationRuntime } from './simulate';
export type { StepDurations, UnitDuration, WhatIf } from './durations';
export { measuredDurations, mediansOf, stepSamplesOf } from './measured';
export { forecastRoutes } from './routes';
