// Free of vitest, like the stubs that use it.

/** Waits until `probe` holds: replies sent in the background arrive after the ack. */
export async function until<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 5000,
): Promise<NonNullable<T>> {
  const end = performance.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got as NonNullable<T>;
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
