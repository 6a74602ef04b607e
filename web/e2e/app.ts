import { type ChildProcess, spawn } from "node:child_process";

const ROOT = new URL("../..", import.meta.url).pathname;
const NEXT = `${ROOT}node_modules/.bin/next`;

/** Runs `next build web` from the repository root; rejects with its output on failure. */
export function buildApp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(NEXT, ["build", "web"], { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (${code}):\n${output}`))));
  });
}

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/** `next start web -p PORT` with `env`; resolves once the app answers. */
export async function startApp(port: number, env: Record<string, string>): Promise<RunningApp> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CONDUCTOR_")));
  const child: ChildProcess = spawn(NEXT, ["start", "web", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...clean, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      await fetch(url, { method: "HEAD" });
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`next start did not answer within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
