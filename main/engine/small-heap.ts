import v8 from 'node:v8';

/**
 * The data engine keeps its heap close to what it really holds. V8 by default lets the
 * heap grow well past the live data before collecting: a 100,000-row import holds ~75 MB
 * yet peaked at 330–350 MB of RSS, over the 250 MB an old office PC can spare. Favouring
 * size brings the peak to ~200–220 MB (`BENCH_ONLY=import npm run bench` measures it in a
 * fresh process) for ~10–30% more CPU on that import. Set once at the engine's start,
 * before it allocates; V8 flags are process-wide, so in the bridge the worker sets it for
 * the bridge's process too.
 */
export function favourSmallHeap(): void {
  v8.setFlagsFromString('--optimize-for-size');
}
