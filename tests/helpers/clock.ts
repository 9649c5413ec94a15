import type { Clock } from '../../src/clock.js';

/**
 * Where the tests' clock starts: Wednesday 2026-12-02, 17:00 in Shanghai and 01:00 in Los Angeles,
 * a workday on the same date in both zones (a manager in Shanghai and a report in LA agree on
 * "yesterday"). No test reads the machine's clock, so the suite passes whatever the real date,
 * hour and zone are — `npm run test:shifted` runs it under a shifted clock to prove it.
 */
export const TEST_START = new Date('2026-12-02T09:00:00Z');

const origin = performance.now();

/**
 * The app's and the helpers' clock in tests: pinned to TEST_START, then running at real speed, so
 * the date and hour are fixed while one turn still comes after another (inbox order, urge spacing).
 */
export const testNow: Clock = () => new Date(TEST_START.getTime() + (performance.now() - origin));

/** Unix seconds on the tests' clock, as the platforms stamp their requests. */
export const testSeconds = () => Math.floor(testNow().getTime() / 1000);
