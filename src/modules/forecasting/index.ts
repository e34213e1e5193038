export { forecastingModule } from './module.js';
export { forecastSeries, type SeriesForecast } from './engine/forecast.js';
export { reconcileTotal } from './engine/reconcile.js';
