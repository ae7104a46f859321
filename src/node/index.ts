// `detente/node`: what needs Node (files, worker threads) and so stays out of the browser-safe
// `detente` entry (DESIGN §6: Node-only work behind a separate entry point).
export { sweepOnWorkers } from './sweep.js';
export type { WorkerSweepOptions } from './sweep.js';
export { tournamentOnWorkers } from './tournament.js';
export type { WorkerTournamentOptions } from './tournament.js';
export { loadStrategies, moduleUrls } from './strategy-modules.js';
export { SweepFailure } from './pool.js';
export type { StrategyModule } from './strategy-modules.js';
