import Link from "next/link";
import { AccountBadge } from "./AccountBadge.tsx";
import { NavLinks } from "./NavLinks.tsx";

/** The top bar: the region's name, the pages, and who is connected. */
export function Nav({ regionName }: { regionName: string }) {
  return (
    <header className="nav">
      <Link href="/" className="brand">
        Conductor <span className="region">{regionName}</span>
      </Link>
      <nav aria-label="Main">
        <NavLinks />
      </nav>
      <AccountBadge />
    </header>
  );
}
