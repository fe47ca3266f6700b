export { dayOf, noFunnel, FUNNEL_STEPS, UNFINISHED_AFTER_DAYS, type Funnel, type FunnelEvent } from './events.js';
export { FunnelRecorder, type FunnelLog, type FunnelRecorderOptions } from './recorder.js';
export type { FunnelStore, BucketCounts } from './store.js';
export { SqliteFunnelStore } from './sqliteStore.js';
export { AzureFunnelStore } from './azureTableStore.js';
export { openFunnelStore, type OpenFunnelStore } from './openStore.js';
export { buildFunnelReport, funnelSource, parseFunnelReport, SUPPRESS_BELOW, type Figure, type FunnelReport, type FunnelSource } from './report.js';
export { funnelCardElements, renderFunnelText, showFigure } from './render.js';
