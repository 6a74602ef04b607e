"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { WagmiProvider } from "wagmi";
import { RegionContext } from "../hooks/useRegion.ts";
import type { RegionConfig } from "../lib/regionConfig.ts";
import { makeWagmiConfig } from "../lib/wagmi.ts";

/** wagmi, react-query and the region's configuration for every client component. */
export function Providers({ region, children }: { region: RegionConfig; children: ReactNode }) {
  const [wagmiConfig] = useState(() => makeWagmiConfig(region));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 1_000, refetchOnWindowFocus: false } } }),
  );
  // A marker for tests and assistive tooling that the page is interactive (hydrated).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <RegionContext.Provider value={region}>{children}</RegionContext.Provider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
