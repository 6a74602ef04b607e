import { expect } from "chai";

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
