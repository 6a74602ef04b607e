"use client";

import { useRegion } from "../../../hooks/useRegion.ts";

const LATER = [
  { contract: "Payroll", what: "Pay stubs (gross wage, income tax withheld, net)", comesWith: "payroll" },
  { contract: "Services", what: "Wait-lists for housing, healthcare and education", comesWith: "services" },
] as const;

/**
 * What the member page will show once the region runs those modules. Shown only for modules this
 * region's deployment does not have; nothing here is invented data.
 */
export function LaterCard() {
  const { contracts } = useRegion();
  const missing = LATER.filter((item) => !(item.contract in contracts));
  if (missing.length === 0) return null;
  return (
    <section className="card muted" aria-labelledby="later-title">
      <h2 id="later-title">Coming later</h2>
      <ul>
        {missing.map((item) => (
          <li key={item.contract}>
            {item.what}: coming with {item.comesWith} (this region has no {item.contract} contract yet).
          </li>
        ))}
      </ul>
    </section>
  );
}
