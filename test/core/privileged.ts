import { expect } from "chai";
import type { BaseContract } from "ethers";
import { DEFAULT_PARAMETER_VALUES } from "../../sdk/src/governance/defaults.ts";
import { deployRegion, ethers, Kind, networkHelpers, ONE } from "../helpers/region.ts";

const ADMIN = ethers.ZeroHash;
const IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
const REF = `0x${"cd".repeat(32)}`;

async function implementationOf(proxy: BaseContract) {
  const word = await ethers.provider.getStorage(await proxy.getAddress(), IMPLEMENTATION_SLOT);
  return ethers.getAddress(`0x${word.slice(26)}`);
}

async function setup() {
  const r = await deployRegion();
  const attacker = r.signers[15];
  const alice = r.signers[4];
  await r.registry.onboardMember(alice.address);
  const roles = {
    guardian: await r.rsc.GUARDIAN_ROLE(),
    registrar: await r.registry.REGISTRAR_ROLE(),
    custodian: await r.reserve.CUSTODIAN_ROLE(),
  };
  return { ...r, attacker, alice, roles };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** One privileged call: who may make it is `role` (a role id) or the registry (`"registry"`). */
type Case = {
  name: string;
  contract: (r: Setup) => BaseContract;
  fn: string;
  args: (r: Setup) => unknown[] | Promise<unknown[]>;
  role: (r: Setup) => string | "registry";
};

const admin = () => ADMIN;
const CASES: Case[] = [
  // RSC
  {
    name: "RSC.upgradeToAndCall",
    contract: (r) => r.rsc,
    fn: "upgradeToAndCall",
    args: async (r) => [await implementationOf(r.rsc), "0x"],
    role: admin,
  },
  {
    name: "RSC.registerModule",
    contract: (r) => r.rsc,
    fn: "registerModule",
    args: (r) => [r.attacker.address, Kind.indexOf("Module"), 0xffff],
    role: admin,
  },
  {
    name: "RSC.setRegistry",
    contract: (r) => r.rsc,
    fn: "setRegistry",
    args: (r) => [r.attacker.address],
    role: admin,
  },
  {
    name: "RSC.pauseActions",
    contract: (r) => r.rsc,
    fn: "pauseActions",
    args: async () => [1, (await networkHelpers.time.latest()) + 3600, "x"],
    role: (r) => r.roles.guardian,
  },
  { name: "RSC.unpauseActions", contract: (r) => r.rsc, fn: "unpauseActions", args: () => [], role: admin },
  {
    name: "RSC.grantRole",
    contract: (r) => r.rsc,
    fn: "grantRole",
    args: (r) => [r.roles.guardian, r.attacker.address],
    role: admin,
  },
  {
    name: "RSC.revokeRole",
    contract: (r) => r.rsc,
    fn: "revokeRole",
    args: (r) => [ADMIN, r.admin.address],
    role: admin,
  },
  {
    name: "RSC.registerAccount",
    contract: (r) => r.rsc,
    fn: "registerAccount",
    args: (r) => [r.attacker.address, Kind.indexOf("Person"), 1],
    role: () => "registry",
  },
  {
    name: "RSC.setSuspended",
    contract: (r) => r.rsc,
    fn: "setSuspended",
    args: (r) => [r.alice.address, true],
    role: () => "registry",
  },
  {
    name: "RSC.recoverAccount",
    contract: (r) => r.rsc,
    fn: "recoverAccount",
    args: (r) => [r.alice.address, r.attacker.address],
    role: () => "registry",
  },
  // Registry
  {
    name: "Registry.onboardMember",
    contract: (r) => r.registry,
    fn: "onboardMember",
    args: (r) => [r.attacker.address],
    role: (r) => r.roles.registrar,
  },
  {
    name: "Registry.registerCompany",
    contract: (r) => r.registry,
    fn: "registerCompany",
    args: (r) => [r.attacker.address, Kind.indexOf("ExternalCompany"), 1, "x"],
    role: (r) => r.roles.registrar,
  },
  {
    name: "Registry.suspend",
    contract: (r) => r.registry,
    fn: "suspend",
    args: (r) => [r.alice.address, "x"],
    role: (r) => r.roles.registrar,
  },
  {
    name: "Registry.restore",
    contract: (r) => r.registry,
    fn: "restore",
    args: (r) => [r.alice.address],
    role: (r) => r.roles.registrar,
  },
  {
    name: "Registry.recoverMember",
    contract: (r) => r.registry,
    fn: "recoverMember",
    args: (r) => [r.alice.address, r.attacker.address],
    role: (r) => r.roles.registrar,
  },
  {
    name: "Registry.grantRole",
    contract: (r) => r.registry,
    fn: "grantRole",
    args: (r) => [r.roles.registrar, r.attacker.address],
    role: admin,
  },
  {
    name: "Registry.upgradeToAndCall",
    contract: (r) => r.registry,
    fn: "upgradeToAndCall",
    args: async (r) => [await implementationOf(r.registry), "0x"],
    role: admin,
  },
  // Reserve
  {
    name: "Reserve.attestReserves",
    contract: (r) => r.reserve,
    fn: "attestReserves",
    args: () => [10n ** 30n, 0, REF],
    role: (r) => r.roles.custodian,
  },
  {
    name: "Reserve.attestDeposit",
    contract: (r) => r.reserve,
    fn: "attestDeposit",
    args: (r) => [REF, r.alice.address, ONE],
    role: (r) => r.roles.custodian,
  },
  {
    name: "Reserve.markRedemptionPaid",
    contract: (r) => r.reserve,
    fn: "markRedemptionPaid",
    args: () => [0, REF],
    role: (r) => r.roles.custodian,
  },
  {
    name: "Reserve.refundRedemption",
    contract: (r) => r.reserve,
    fn: "refundRedemption",
    args: () => [0, "x"],
    role: (r) => r.roles.custodian,
  },
  {
    name: "Reserve.grantRole",
    contract: (r) => r.reserve,
    fn: "grantRole",
    args: (r) => [r.roles.custodian, r.attacker.address],
    role: admin,
  },
  {
    name: "Reserve.upgradeToAndCall",
    contract: (r) => r.reserve,
    fn: "upgradeToAndCall",
    args: async (r) => [await implementationOf(r.reserve), "0x"],
    role: admin,
  },
  // CapitalPool
  {
    name: "CapitalPool.grantRole",
    contract: (r) => r.capitalPool,
    fn: "grantRole",
    args: (r) => [ADMIN, r.attacker.address],
    role: admin,
  },
  {
    name: "CapitalPool.upgradeToAndCall",
    contract: (r) => r.capitalPool,
    fn: "upgradeToAndCall",
    args: async (r) => [await implementationOf(r.capitalPool), "0x"],
    role: admin,
  },
  // RegionParameters
  {
    name: "RegionParameters.setParameter",
    contract: (r) => r.regionParameters,
    fn: "setParameter",
    args: () => [0, 0],
    role: admin,
  },
  {
    name: "RegionParameters.setParameters",
    contract: (r) => r.regionParameters,
    fn: "setParameters",
    args: () => [[0], [0]],
    role: admin,
  },
  {
    name: "RegionParameters.grantRole",
    contract: (r) => r.regionParameters,
    fn: "grantRole",
    args: (r) => [ADMIN, r.attacker.address],
    role: admin,
  },
  {
    name: "RegionParameters.upgradeToAndCall",
    contract: (r) => r.regionParameters,
    fn: "upgradeToAndCall",
    args: async (r) => [await implementationOf(r.regionParameters), "0x"],
    role: admin,
  },
];

describe("privileged functions", () => {
  for (const c of CASES) {
    it(`${c.name} refuses a caller without the right`, async () => {
      const r = await networkHelpers.loadFixture(setup);
      const contract = c.contract(r);
      const args = await c.args(r);
      const role = c.role(r);
      // A stranger and a member; for the guardian and custodian roles also the admin, who does
      // not hold them (the admin is the registrar in this fixture).
      const callers = [r.attacker, r.alice];
      if (role === r.roles.guardian || role === r.roles.custodian || role === "registry") callers.push(r.admin);
      for (const caller of callers) {
        // biome-ignore lint/suspicious/noExplicitAny: the function is chosen by name from the table
        const call = (contract.connect(caller) as any)[c.fn](...args);
        if (role === "registry") {
          await expect(call).to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedRegistry").withArgs(caller.address);
        } else {
          await expect(call)
            .to.be.revertedWithCustomError(contract, "AccessControlUnauthorizedAccount")
            .withArgs(caller.address, role);
        }
      }
    });
  }

  it("the registrar role is the deployer's here, but custodian calls need the custodians' Safe", async () => {
    const r = await networkHelpers.loadFixture(setup);
    expect(await r.registry.hasRole(r.roles.registrar, r.admin.address)).to.equal(true);
    for (const owner of [r.custodian1, r.custodian2, r.custodian3]) {
      await expect(r.reserve.connect(owner).attestReserves(ONE, 0, REF))
        .to.be.revertedWithCustomError(r.reserve, "AccessControlUnauthorizedAccount")
        .withArgs(owner.address, r.roles.custodian);
    }
    await expect(r.asCustodians(r.reserve, "attestReserves", [ONE, 0, REF])).to.emit(r.reserve, "ReservesAttested");
  });

  it("governance may upgrade; state survives the upgrade", async () => {
    const r = await networkHelpers.loadFixture(setup);
    await r.asCustodians(r.reserve, "attestReserves", [100n * ONE, 0, REF]);
    await r.asCustodians(r.reserve, "attestDeposit", [REF, r.alice.address, 10n * ONE]);
    for (const [name, proxy] of [
      ["RSC", r.rsc],
      ["Registry", r.registry],
      ["Reserve", r.reserve],
      ["CapitalPool", r.capitalPool],
      ["RegionParameters", r.regionParameters],
    ] as const) {
      const impl = await ethers.deployContract(name);
      await expect(proxy.upgradeToAndCall(await impl.getAddress(), "0x"))
        .to.emit(proxy, "Upgraded")
        .withArgs(await impl.getAddress());
      expect(await implementationOf(proxy)).to.equal(await impl.getAddress());
    }
    expect(await r.rsc.balanceOf(r.alice.address)).to.equal(10n * ONE);
    expect(await r.registry.memberCount()).to.equal(1n);
    expect((await r.reserve.attestedReserves())[0]).to.equal(100n * ONE);
  });

  it("an implementation cannot be upgraded through directly", async () => {
    const r = await networkHelpers.loadFixture(setup);
    const impl = await ethers.getContractAt("RSC", await implementationOf(r.rsc));
    await expect(impl.upgradeToAndCall(await impl.getAddress(), "0x")).to.be.revertedWithCustomError(
      impl,
      "UUPSUnauthorizedCallContext",
    );
  });

  it("no proxy can be initialized twice, and no implementation at all", async () => {
    const r = await networkHelpers.loadFixture(setup);
    const rscAddress = await r.rsc.getAddress();
    const paramsAddress = await r.regionParameters.getAddress();
    const values = DEFAULT_PARAMETER_VALUES;
    const inits: [BaseContract, string, unknown[]][] = [
      [r.rsc, "initialize", ["Evil", r.attacker.address]],
      [r.registry, "initialize", [r.attacker.address, rscAddress]],
      [r.regionParameters, "initialize", [r.attacker.address, values]],
      [r.reserve, "initialize", [r.attacker.address, r.attacker.address, rscAddress, paramsAddress]],
      [r.capitalPool, "initialize", [r.attacker.address, rscAddress, paramsAddress]],
    ];
    for (const [proxy, fn, args] of inits) {
      // biome-ignore lint/suspicious/noExplicitAny: initialize differs per contract
      await expect((proxy.connect(r.attacker) as any)[fn](...args)).to.be.revertedWithCustomError(
        proxy,
        "InvalidInitialization",
      );
      const impl = (proxy as BaseContract).attach(await implementationOf(proxy));
      // biome-ignore lint/suspicious/noExplicitAny: initialize differs per contract
      await expect((impl.connect(r.attacker) as any)[fn](...args)).to.be.revertedWithCustomError(
        proxy,
        "InvalidInitialization",
      );
    }
  });

  it("RSC refuses a zero admin, a zero registry and a zero recovery target", async () => {
    const r = await networkHelpers.loadFixture(setup);
    const impl = await ethers.deployContract("RSC");
    const init = impl.interface.encodeFunctionData("initialize", ["X", ethers.ZeroAddress]);
    const factory = await ethers.getContractFactory("ERC1967Proxy");
    await expect(factory.deploy(await impl.getAddress(), init)).to.be.revertedWithCustomError(impl, "RSCZeroAddress");
    await expect(r.rsc.setRegistry(ethers.ZeroAddress)).to.be.revertedWithCustomError(r.rsc, "RSCZeroAddress");
    await expect(r.rsc.setRegistry(r.attacker.address))
      .to.emit(r.rsc, "RegistryChanged")
      .withArgs(await r.registry.getAddress(), r.attacker.address);
    await expect(
      r.rsc.connect(r.attacker).recoverAccount(r.alice.address, ethers.ZeroAddress),
    ).to.be.revertedWithCustomError(r.rsc, "RSCZeroAddress");
  });
});
