/**
 * The current instant. The app reads it only at its edges (start-up, the router's turn, the
 * scheduler, the admin API) and passes `now` down, so tests can pin the date, hour and zone.
 */
export type Clock = () => Date;

/** The machine's clock: what `startApp` uses unless given another. */
export const systemClock: Clock = () => new Date();
