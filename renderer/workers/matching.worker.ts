/// <reference lib="webworker" />
// The matching worker: the index and every suggestion/quote/"likely here" query run here, never
// on the UI thread. All logic is in MatchingEngine (shared/matching/engine.ts, unit-tested).
import { MatchingEngine, type MatchingRequest } from '../../shared/matching';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new MatchingEngine((message) => scope.postMessage(message));
scope.onmessage = (e: MessageEvent<MatchingRequest>) => engine.handle(e.data);
