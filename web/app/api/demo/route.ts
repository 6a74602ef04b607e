import { NextResponse } from "next/server";
import { demoAllowed, readDemoFile } from "../../../lib/region.server.ts";
import { DEMO_CHAIN_ID } from "../../../lib/regionConfig.ts";

export const dynamic = "force-dynamic";

/** The chain id the node at `rpcUrl` reports, or undefined when it does not answer. */
async function liveChainId(rpcUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      cache: "no-store",
    });
    const body = (await response.json()) as { result?: string };
    return body.result ? Number.parseInt(body.result, 16) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GET /api/demo — the local demo region's accounts (names, roles, addresses, test keys) and
 * companies, from `.conductor/demo.json`. Refused unless demo mode is allowed (development, or
 * CONDUCTOR_DEMO=1) AND both the file and the live node say chain 31337.
 */
export async function GET() {
  if (!demoAllowed()) return NextResponse.json({ error: "demo mode is off on this server" }, { status: 403 });
  const demo = readDemoFile();
  if (!demo) return NextResponse.json({ error: "no demo region: run npm start" }, { status: 404 });
  const chainId = await liveChainId(demo.rpcUrl);
  if (demo.deployment.chainId !== DEMO_CHAIN_ID || chainId !== DEMO_CHAIN_ID) {
    return NextResponse.json(
      { error: `demo accounts exist only on the local demo chain ${DEMO_CHAIN_ID} (node reports ${chainId})` },
      { status: 403 },
    );
  }
  return NextResponse.json(
    { chainId, accounts: demo.accounts, companies: demo.companies },
    { headers: { "cache-control": "no-store" } },
  );
}
