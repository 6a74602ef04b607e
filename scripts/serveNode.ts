/**
 * A Hardhat EDR node serving JSON-RPC on 127.0.0.1:PORT (0: any free port) in its own process (used by the audit bench,
 * so the node's work does not share the auditor's event loop or heap). Prints "listening <url>".
 */
import { network } from "hardhat";

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || (port !== 0 && (port < 1024 || port > 65535))) {
  console.error(`error: PORT must be 0 (any free port) or a port number in 1024–65535, got ${process.env.PORT}`);
  process.exit(2);
}
const server = await network.createServer("default", "127.0.0.1", port);
const listening = await server.listen();
console.log(`listening http://${listening.address}:${listening.port}`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
