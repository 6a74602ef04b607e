export { createSafe, execSafe } from "../../scripts/lib/safe.ts";
