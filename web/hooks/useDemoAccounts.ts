import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { useRegion } from "./useRegion.ts";

const DemoResponse = z.object({
  accounts: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
      privateKey: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
    }),
  ),
});
export type DemoAccounts = z.infer<typeof DemoResponse>["accounts"];

/** The local demo accounts served by /api/demo; disabled on any chain but the local demo chain. */
export function useDemoAccounts() {
  const { demo } = useRegion();
  return useQuery({
    queryKey: ["demo-accounts"],
    enabled: demo,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<DemoAccounts> => {
      const response = await fetch("/api/demo", { cache: "no-store" });
      if (!response.ok) throw new Error(`the demo accounts are not available (${response.status})`);
      return DemoResponse.parse(await response.json()).accounts;
    },
  });
}
