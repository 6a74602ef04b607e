import type { Command } from "commander";
import { ConductorContractError, ConductorError, ConductorInputError, toConductorError } from "../errors.ts";
import { globalOptions } from "./context.ts";

/** What a command prints: `data` under --json, `text` lines otherwise. */
export interface CommandOutput {
  data: unknown;
  text: string | readonly string[];
}

/** JSON with bigints as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2);
}

/** Exit codes: 1 the chain refused or failed, 2 bad input or a rule refused before sending. */
export const EXIT_FAILURE = 1;
export const EXIT_INPUT = 2;

function errorJson(error: unknown) {
  if (error instanceof ConductorContractError) {
    return { name: error.name, message: error.message, errorName: error.errorName, args: error.args };
  }
  if (error instanceof ConductorInputError) {
    const extra = "code" in error ? { code: error.code, values: (error as { values?: unknown }).values } : {};
    return { name: error.name, message: error.message, issues: error.issues, ...extra };
  }
  if (error instanceof Error) return { name: error.name, message: firstLine(error) };
  return { name: "Error", message: String(error) };
}

function firstLine(error: Error): string {
  const short = (error as { shortMessage?: string }).shortMessage ?? error.message;
  return short.split("\n")[0];
}

/** Prints one clear line (or a JSON object) for `error` and sets a non-zero exit code. */
export function reportError(error: unknown, json: boolean): void {
  const e = toConductorError(error);
  process.exitCode = e instanceof ConductorInputError ? EXIT_INPUT : EXIT_FAILURE;
  if (json) {
    console.log(toJson({ error: errorJson(e) }));
    return;
  }
  const message = e instanceof ConductorError ? e.message : e instanceof Error ? firstLine(e) : String(e);
  console.error(`error: ${message}`);
}

/**
 * Wraps a command handler: runs it, prints its output in the chosen format, and turns any error
 * into one `error: …` line and a non-zero exit code.
 * @example
 * program.command("status").action(action(async (command) => ({ data: status, text: [...] })));
 */
export function action<A extends unknown[]>(
  handler: (command: Command, ...args: A) => Promise<CommandOutput>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    let json = false;
    try {
      json = globalOptions(command).json;
      const out = await handler(command, ...(args.slice(0, -1) as A));
      if (json) console.log(toJson(out.data));
      else console.log(typeof out.text === "string" ? out.text : out.text.join("\n"));
    } catch (error) {
      reportError(error, json || command.optsWithGlobals().json === true);
    }
  };
}

/** Aligned `label  value` lines. */
export function fields(rows: readonly (readonly [string, unknown])[]): string[] {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
}
