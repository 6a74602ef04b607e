import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Nav } from "../components/Nav.tsx";
import { regionConfig } from "../lib/region.server.ts";
import "./globals.css";
import { Providers } from "./providers.tsx";

// The region is read from the environment (or the demo file) on each request, not at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Conductor",
  description: "The dashboard of a Conductor region: members, payments, the capital pool, parameters.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  const region = regionConfig();
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        {region ? (
          <Providers region={region}>
            <Nav regionName={region.regionName} />
            <main id="main">{children}</main>
          </Providers>
        ) : (
          <main id="main">
            <h1>Conductor</h1>
            <p role="alert">
              No region is configured. Run <code>npm start</code> for the local demo region, or set{" "}
              <code>CONDUCTOR_RPC_URL</code> and <code>CONDUCTOR_DEPLOYMENT</code> (the path of a deployment record).
            </p>
          </main>
        )}
      </body>
    </html>
  );
}
