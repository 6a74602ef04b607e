import Link from "next/link";
import { AccountBadge } from "./AccountBadge.tsx";

/** The pages, in the order a newcomer meets them. Other pages add their link here. */
const PAGES = [
  { href: "/member", label: "Member" },
  { href: "/worker", label: "Worker" },
  { href: "/vote", label: "Vote" },
  { href: "/public", label: "Public" },
  { href: "/audit", label: "Audit" },
] as const;

/** The top bar: the region's name, the pages, and who is connected. */
export function Nav({ regionName }: { regionName: string }) {
  return (
    <header className="nav">
      <Link href="/" className="brand">
        Conductor <span className="region">{regionName}</span>
      </Link>
      <nav aria-label="Main">
        <ul>
          {PAGES.map((page) => (
            <li key={page.href}>
              <Link href={page.href}>{page.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <AccountBadge />
    </header>
  );
}
