import { expect } from "chai";
import type { Address } from "viem";
import { getBalance } from "../../sdk/src/core/getBalance.ts";
import type { Actor, TestRegion } from "./region.ts";

/** Awaits `promise`, asserts it rejects with an instance of `type` whose message matches `message`; returns the error. */
export async function expectError<T extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => T,
  message?: RegExp,
): Promise<T> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a rejection").to.be.instanceOf(type);
  if (message) expect((caught as Error).message).to.match(message);
  return caught as T;
}

/**
 * A checker bound to the test region `region()` (read lazily: regions start in `before`): it
 * asserts `fn` rejects with `type` (message matching `message`) and that `who` sent nothing and no
 * balance in `watch` moved.
 */
export function refusesWithoutSending(region: () => TestRegion) {
  const state = (who: Actor, watch: Address[]) => {
    const r = region();
    return Promise.all([
      r.readOnly.publicClient.getTransactionCount({ address: who.address }),
      ...watch.map((a) => getBalance(r.readOnly, { address: a })),
    ]);
  };
  return async <T extends Error>(
    who: Actor,
    fn: () => Promise<unknown>,
    type: abstract new (...args: never[]) => T,
    message: RegExp,
    watch: Address[] = [],
  ): Promise<T> => {
    const before = await state(who, watch);
    const error = await expectError(fn(), type, message);
    expect(await state(who, watch)).to.deep.equal(before);
    return error;
  };
}
