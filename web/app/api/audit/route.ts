import { NextResponse } from "next/server";
import { createPublicClient, http } from "viem";
import { AuditInterruptedError, runAudit } from "../../../../sdk/src/audit/auditor.ts";
import { regionConfig } from "../../../lib/region.server.ts";

export const dynamic = "force-dynamic";

/** The audit stops (and says so) after this long: the server answers within bounded time. */
const TIME_LIMIT_MS = 30_000;
/** At most this many violations are listed on the page (all are counted). */
const MAX_VIOLATIONS = 200;

/**
 * GET /api/audit — runs the SDK auditor against this server's region, from its first block to the
 * latest, and returns the report as JSON (bigints as strings). It reads only the chain: logs,
 * timestamps and eth_calls through the region's RPC URL. Stopped after 30 s (status "interrupted").
 */
export async function GET() {
  const region = regionConfig();
  if (!region) return NextResponse.json({ error: "no region is configured on this server" }, { status: 404 });
  const c = region.contracts;
  const client = createPublicClient({ transport: http(region.rpcUrl) });
  const signal = AbortSignal.timeout(TIME_LIMIT_MS);
  try {
    const report = await runAudit({
      client,
      rpcUrl: region.rpcUrl,
      addresses: {
        rsc: c.RSC.toLowerCase(),
        reserve: c.Reserve.toLowerCase(),
        capitalPool: c.CapitalPool.toLowerCase(),
        regionParameters: c.RegionParameters.toLowerCase(),
      },
      startBlock: region.startBlock,
      maxViolations: MAX_VIOLATIONS,
      signal,
    });
    return NextResponse.json(
      { status: report.ok ? "passed" : "violations", report },
      {
        headers: { "cache-control": "no-store" },
      },
    );
  } catch (error) {
    if (error instanceof AuditInterruptedError) {
      return NextResponse.json(
        {
          status: "interrupted",
          error: `the audit took longer than ${TIME_LIMIT_MS / 1000} s and stopped before block ${error.nextBlock}; run \`conductor audit\` for the whole chain`,
        },
        { status: 200 },
      );
    }
    return NextResponse.json({ status: "error", error: (error as Error).message }, { status: 502 });
  }
}
