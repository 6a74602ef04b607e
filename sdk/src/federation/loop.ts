/** Runs `tick` every `intervalMs` until `signal` aborts; a failing tick is logged and retried. */
export async function runLoop(
  tick: () => Promise<unknown>,
  intervalMs: number,
  signal: AbortSignal,
  log: (line: string) => void = console.error,
): Promise<void> {
  while (!signal.aborted) {
    try {
      await tick();
    } catch (error) {
      log(`tick failed, will retry: ${(error as Error).message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
