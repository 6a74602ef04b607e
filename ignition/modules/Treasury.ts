import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Company treasuries: the board of pending Safe transactions (SafeProposals), where a signer of a
 * company's Safe proposes a transaction and the other signers find, read and approve it. Not
 * upgradeable and without an admin: it holds nothing and every write is checked against the
 * Safe's own owners, so there is nothing for governance to administer.
 */
export default buildModule("Treasury", (m) => {
  const safeProposals = m.contract("SafeProposals", []);
  return { safeProposals };
});
