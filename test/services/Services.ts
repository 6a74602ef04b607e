import { expect } from "chai";
import { actionMask } from "../../sdk/src/core/enums.ts";
import { networkHelpers } from "../helpers/region.ts";
import { deployServices, type ServicesFixture } from "./fixture.ts";

describe("Services deployment (Ignition)", () => {
  let f: ServicesFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployServices);
  });

  it("registers each service as a Module allowed exactly the actions it performs", async () => {
    const expected: [string, bigint][] = [
      ["housing", actionMask(["Rent", "Purchase", "SalesTax"])],
      ["education", actionMask(["Purchase", "Subsidy"])],
      ["healthcare", actionMask(["Purchase", "Subsidy"])],
      ["regionalInventory", actionMask(["Rent"])],
    ];
    for (const [key, mask] of expected) {
      const account = await f.rsc.accountOf(
        await (f[key as keyof ServicesFixture] as never as { getAddress(): Promise<string> }).getAddress(),
      );
      expect(account.kind).to.equal(6n); // Module
      expect(account.tag).to.equal(mask);
    }
  });

  it("lets only governance upgrade a service, and no one initialise twice", async () => {
    for (const key of ["housing", "education", "healthcare", "regionalInventory"] as const) {
      const proxy = f[key] as never as {
        connect(s: unknown): { upgradeToAndCall(a: string, d: string): Promise<unknown> };
        initialize(a: string): Promise<unknown>;
        interface: unknown;
      };
      await expect(proxy.connect(f.stranger).upgradeToAndCall(f.stranger.address, "0x"))
        .to.be.revertedWithCustomError(f[key], "AccessControlUnauthorizedAccount")
        .withArgs(f.stranger.address, `0x${"00".repeat(32)}`);
      await expect(proxy.initialize(f.stranger.address)).to.be.revertedWithCustomError(f[key], "InvalidInitialization");
    }
  });
});
