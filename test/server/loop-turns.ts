/**
 * Turns of the event loop (`setImmediate`) counted while `work` runs: zero when it kept the loop busy
 * to its end, many when it waited for another thread.
 *
 * @example
 * const { result, turns } = await loopTurnsDuring(() => checkDocument(bytes, maxBytes));
 */
export async function loopTurnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let counting = true;
  const count = () => {
    if (!counting) return;
    turns += 1;
    setImmediate(count);
  };
  setImmediate(count);
  try {
    return { result: await work(), turns };
  } finally {
    counting = false;
  }
}
