import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";

/**
 * Crash-safe state on disk for validators and the relayer: every write goes to a temporary file
 * that is flushed and then renamed over the target, so a process killed at any instant leaves
 * either the old or the new content, never a torn file.
 */
export class DiskState {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  writeJson(relative: string, value: unknown): void {
    const target = this.path(relative);
    mkdirSync(dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, typeof value === "string" ? value : JSON.stringify(value));
    const fd = openSync(tmp, "r");
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, target);
  }

  readJson<T>(relative: string): T | undefined {
    const target = this.path(relative);
    if (!existsSync(target)) return undefined;
    return JSON.parse(readFileSync(target, "utf8")) as T;
  }

  exists(relative: string): boolean {
    return existsSync(this.path(relative));
  }

  list(relative: string): string[] {
    const target = this.path(relative);
    if (!existsSync(target)) return [];
    return readdirSync(target).filter((f) => !f.endsWith(".tmp"));
  }

  remove(relative: string): void {
    rmSync(this.path(relative), { recursive: true, force: true });
  }
}
