import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import type { PublicClient } from "viem";
import { getLogsHttp, LogsResponseTooLargeError, streamLogs } from "../../sdk/src/audit/source.ts";

/**
 * A JSON-RPC endpoint that answers eth_getLogs with `logsPerBlock(b)` fake logs for block `b` of the
 * range (one by default).
 */
function fakeNode(
  logsPerBlock: (block: number) => number = () => 1,
): Promise<{ url: string; server: Server; ranges: [number, number][] }> {
  const ranges: [number, number][] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (b: Buffer) => {
      body += b.toString();
    });
    req.on("end", () => {
      const { params } = JSON.parse(body) as { params: [{ fromBlock: string; toBlock: string }] };
      const from = Number(params[0].fromBlock);
      const to = Number(params[0].toBlock);
      ranges.push([from, to]);
      const logs = [];
      for (let b = from; b <= to; b++)
        for (let i = 0; i < logsPerBlock(b); i++)
          logs.push({
            address: "0x01",
            topics: [],
            data: "0x",
            blockNumber: `0x${b.toString(16)}`,
            logIndex: `0x${i.toString(16)}`,
          });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ jsonrpc: "2.0", id: 1, result: logs }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, ranges }),
    ),
  );
}

describe("auditor: bounded log source", () => {
  it("abandons an eth_getLogs answer past the byte cap", async () => {
    const node = await fakeNode();
    try {
      const error = await getLogsHttp(node.url, [], 0, 999, 10_000).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(LogsResponseTooLargeError);
      // About 85 bytes per fake log, one per block: the first 10,000 bytes reach block ~115.
      const last = (error as LogsResponseTooLargeError).lastBlock!;
      expect(last).to.be.within(100, 130);
      expect((await getLogsHttp(node.url, [], 0, last - 1, 10_000)).length).to.equal(last);
      expect((await getLogsHttp(node.url, [], 0, 9, 10_000)).length).to.equal(10);
    } finally {
      node.server.close();
    }
  });

  it("streams every block once, in order, halving the span when an answer is too large", async () => {
    const node = await fakeNode();
    try {
      const seen: number[] = [];
      let largest = 0;
      const source = streamLogs(undefined as unknown as PublicClient, {
        addresses: [],
        fromBlock: 5,
        toBlock: 2_004,
        rpcUrl: node.url,
        initialSpan: 1_000,
        targetLogs: 100,
        maxResponseBytes: 20_000, // about 200 fake logs
      });
      for await (const chunk of source) {
        largest = Math.max(largest, chunk.logs.length);
        for (const log of chunk.logs) seen.push(Number(log.blockNumber));
      }
      expect(seen).to.deep.equal(Array.from({ length: 2_000 }, (_, i) => i + 5));
      expect(largest).to.be.at.most(250); // every answer under the 20,000-byte cap (80–90 bytes per fake log)
      expect(node.ranges[0]).to.deep.equal([5, 1_004]); // refused, then smaller ranges
    } finally {
      node.server.close();
    }
  });

  it("after a cut answer, asks for the rest at the span it learned, not the whole rest again", async () => {
    // Sparse blocks (1 log), then dense ones (100 logs): the first dense range passes the byte cap.
    const node = await fakeNode((b) => (b < 500 ? 1 : 100));
    try {
      let logs = 0;
      const source = streamLogs(undefined as unknown as PublicClient, {
        addresses: [],
        fromBlock: 1,
        toBlock: 3_000,
        rpcUrl: node.url,
        initialSpan: 64,
        targetLogs: 1_000,
        maxResponseBytes: 200_000, // about 2,000 fake logs
      });
      for await (const chunk of source) logs += chunk.logs.length;
      expect(logs).to.equal(499 + 2_501 * 100);
      // Each request that passed the cap (more than ~2,000 logs asked): a whole answer wasted.
      const oversized = node.ranges.filter(([from, to]) => {
        let n = 0;
        for (let b = from; b <= to; b++) n += b < 500 ? 1 : 100;
        return n > 2_000;
      });
      // Before, every chunk of the dense part re-asked for the whole rest of the first dense range
      // and was cut again (99 wasted answers here); then the first dense range was halved (5); now
      // the cut answer tells up to which block it got and the range is cut there at once: 3 (the
      // chunk spanning sparse and dense blocks under-estimates the density once more).
      expect(oversized.length).to.be.at.most(3);
    } finally {
      node.server.close();
    }
  });
});
