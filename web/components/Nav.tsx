import Link from "next/link";
import { AccountBadge } from "./AccountBadge.tsx";

/** The top bar: the region's name, the pages, and who is connected. */
export function Nav({ regionName }: { regionName: string }) {
  return (
    <header className="nav">
      <Link href="/" className="brand">
        Conductor <span className="region">{regionName}</span>
      </Link>
      <nav aria-label="Main">
        <ul>
          <li>
            <Link href="/member">Member</Link>
          </li>
          <li>
            <Link href="/company">Company</Link>
          </li>
          <li>
            <Link href="/public">Public</Link>
          </li>
        </ul>
      </nav>
      <AccountBadge />
    </header>
  );
}
