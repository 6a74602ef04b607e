"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The pages, in the order a newcomer meets them. Other pages add their link here. */
const PAGES = [
  { href: "/member", label: "Member" },
  { href: "/worker", label: "Worker" },
  { href: "/company", label: "Company" },
  { href: "/vote", label: "Vote" },
  { href: "/public", label: "Public" },
  { href: "/audit", label: "Audit" },
] as const;

/** The main links; the current page is marked for assistive technology (aria-current). */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul>
      {PAGES.map((page) => (
        <li key={page.href}>
          <Link href={page.href} aria-current={pathname.startsWith(page.href) ? "page" : undefined}>
            {page.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
