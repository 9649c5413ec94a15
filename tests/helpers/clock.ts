import type { Clock } from '../../src/clock.js';

/**
 * Where the tests' clock starts: Wednesday 2026-12-02, 10:00 in Shanghai, 18:00 on Tuesday in Los
 * Angeles. No test reads the machine's clock, so the suite passes whatever the real date, hour and
 * zone are — `npm run test:shifted` runs it under a shifted clock to prove it.
 */
export const TEST_START = new Date('2026-12-02T02:00:00Z');

/**
 * A clock pinned to `start` that then runs at real speed: the date and hour are fixed while one
 * turn still comes after another (inbox order, urge spacing).
 */
export function clockFrom(start: Date): Clock {
  const origin = performance.now();
  return () => new Date(start.getTime() + (performance.now() - origin));
}

/** The app's and the helpers' clock in tests. */
export const testNow: Clock = clockFrom(TEST_START);

/** Unix seconds on the tests' clock, as the platforms stamp their requests. */
export const testSeconds = () => Math.floor(testNow().getTime() / 1000);
