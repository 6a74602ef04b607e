import { expect } from "chai";
import { Wallet } from "ethers";
import PermissioningModule from "../../ignition/modules/Permissioning.ts";
import { Verdict } from "../../sdk/src/generated/enums.ts";
import { ethers, ignition, networkHelpers } from "../helpers/region.ts";
import { type ModelState, prng, referenceVerdict } from "./permissioningModel.ts";

const ZERO = "0x0000000000000000000000000000000000000000";
const NODE_A =
  "a6d1936aafbde7d208bf34e1f0d4f804aa9761055345519c1f49403132c5bb4f75e26a5e4172b6a704c47ac29cdaffee40a8db2984ab01fdff1041297a46187c";
const NODE_B =
  "d3a849d627f16ca5ce3d05392f877cf1f871076498233ed72987b666fda32705c8e03ac88ab2203cac6d3614f44a510d3ffaaa4b4b1904d566981a36af10925f";

async function deployPermissioning() {
  const signers = await ethers.getSigners();
  const deployed = await ignition.deploy(PermissioningModule, {
    parameters: { Permissioning: { enodeIds: [NODE_A] } },
  });
  // biome-ignore lint/suspicious/noExplicitAny: Ignition returns untyped ethers contracts
  const p = deployed.permissioning as any;
  return { ...deployed, p, signers, admin: signers[0], stranger: signers[9] };
}

describe("Permissioning", () => {
  describe("deployment", () => {
    it("grants governance and DEPLOYER_ROLE, lists the core contracts and seeds the node allowlist", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      expect(await r.p.hasRole(await r.p.DEFAULT_ADMIN_ROLE(), r.admin.address)).to.equal(true);
      expect(await r.p.hasRole(await r.p.DEPLOYER_ROLE(), r.admin.address)).to.equal(true);
      expect(await r.p.rsc()).to.equal(await r.rsc.getAddress());
      for (const c of [r.rsc, r.registry, r.regionParameters, r.custodians, r.safeProxyFactory]) {
        expect(await r.p.isConductorContract(await c.getAddress())).to.equal(true);
      }
      expect(await r.p.nodeCount()).to.equal(1n);
      expect(await r.p.isNodeAllowed(NODE_A)).to.equal(true);
    });

    it("cannot be initialized again, and the implementation not at all", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      await expect(
        r.p.initialize(r.admin.address, r.admin.address, await r.rsc.getAddress(), [], []),
      ).to.be.revertedWithCustomError(r.p, "InvalidInitialization");
      const impl = await ethers.deployContract("Permissioning");
      await expect(
        impl.initialize(r.admin.address, r.admin.address, await r.rsc.getAddress(), [], []),
      ).to.be.revertedWithCustomError(impl, "InvalidInitialization");
    });

    it('answers the ingress lookup for "rules" with itself and nothing else', async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      expect(await r.p.getContractAddress(ethers.encodeBytes32String("rules"))).to.equal(await r.p.getAddress());
      expect(await r.p.getContractAddress(ethers.encodeBytes32String("administration"))).to.equal(ZERO);
    });
  });

  describe("node allowlist", () => {
    it("answers connectionAllowed by node key only, in any case, with or without 0x", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      expect(await r.p.connectionAllowed(NODE_A, "10.0.0.1", 30303)).to.equal(true);
      expect(await r.p.connectionAllowed(`0x${NODE_A.toUpperCase()}`, "192.168.1.9", 1)).to.equal(true);
      expect(await r.p.connectionAllowed(NODE_B, "10.0.0.1", 30303)).to.equal(false);
      expect(await r.p.connectionAllowed(NODE_A.slice(2), "10.0.0.1", 30303)).to.equal(false);
      expect(await r.p.connectionAllowed(`${NODE_A.slice(0, 127)}g`, "10.0.0.1", 30303)).to.equal(false);
    });

    it("governance adds and removes nodes, with events", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      const keyB = ethers.keccak256(`0x${NODE_B}`);
      await expect(r.p.allowNode(NODE_B)).to.emit(r.p, "NodeAllowed").withArgs(keyB, NODE_B);
      expect(await r.p.nodeCount()).to.equal(2n);
      expect(await r.p.connectionAllowed(NODE_B, "", 0)).to.equal(true);
      await expect(r.p.removeNode(`0x${NODE_B}`))
        .to.emit(r.p, "NodeRemoved")
        .withArgs(keyB, `0x${NODE_B}`);
      expect(await r.p.nodeCount()).to.equal(1n);
      expect(await r.p.connectionAllowed(NODE_B, "", 0)).to.equal(false);
    });

    it("refuses malformed ids, duplicates and removing an unknown node, changing nothing", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      await expect(r.p.allowNode("abc"))
        .to.be.revertedWithCustomError(r.p, "PermissioningInvalidEnodeId")
        .withArgs("abc");
      await expect(r.p.allowNode(NODE_A.toUpperCase()))
        .to.be.revertedWithCustomError(r.p, "PermissioningNodeAlreadyAllowed")
        .withArgs(NODE_A.toUpperCase());
      await expect(r.p.removeNode(NODE_B))
        .to.be.revertedWithCustomError(r.p, "PermissioningNodeNotAllowed")
        .withArgs(NODE_B);
      await expect(r.p.removeNode("xyz"))
        .to.be.revertedWithCustomError(r.p, "PermissioningInvalidEnodeId")
        .withArgs("xyz");
      expect(await r.p.nodeCount()).to.equal(1n);
    });

    it("refuses node changes from anyone but governance", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      const role = await r.p.DEFAULT_ADMIN_ROLE();
      await expect(r.p.connect(r.stranger).allowNode(NODE_B))
        .to.be.revertedWithCustomError(r.p, "AccessControlUnauthorizedAccount")
        .withArgs(r.stranger.address, role);
      await expect(r.p.connect(r.stranger).removeNode(NODE_A))
        .to.be.revertedWithCustomError(r.p, "AccessControlUnauthorizedAccount")
        .withArgs(r.stranger.address, role);
    });
  });

  describe("Conductor contract list", () => {
    it("governance lists and unlists, with events; unchanged and zero are refused", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      const target = Wallet.createRandom().address;
      await expect(r.p.setConductorContract(target, true)).to.emit(r.p, "ConductorContractSet").withArgs(target, true);
      expect(await r.p.isConductorContract(target)).to.equal(true);
      await expect(r.p.setConductorContract(target, true))
        .to.be.revertedWithCustomError(r.p, "PermissioningContractUnchanged")
        .withArgs(target, true);
      await expect(r.p.setConductorContract(target, false))
        .to.emit(r.p, "ConductorContractSet")
        .withArgs(target, false);
      await expect(r.p.setConductorContract(ZERO, true)).to.be.revertedWithCustomError(r.p, "PermissioningZeroAddress");
    });

    it("refuses list changes from anyone but governance", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      await expect(r.p.connect(r.stranger).setConductorContract(r.stranger.address, true))
        .to.be.revertedWithCustomError(r.p, "AccessControlUnauthorizedAccount")
        .withArgs(r.stranger.address, await r.p.DEFAULT_ADMIN_ROLE());
    });
  });

  describe("upgrades", () => {
    it("only governance upgrades", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      const next = await ethers.deployContract("Permissioning");
      await expect(r.p.connect(r.stranger).upgradeToAndCall(await next.getAddress(), "0x"))
        .to.be.revertedWithCustomError(r.p, "AccessControlUnauthorizedAccount")
        .withArgs(r.stranger.address, await r.p.DEFAULT_ADMIN_ROLE());
      await expect(r.p.upgradeToAndCall(await next.getAddress(), "0x")).to.emit(r.p, "Upgraded");
      expect(await r.p.isNodeAllowed(NODE_A)).to.equal(true);
    });
  });

  describe("transactions: named cases", () => {
    it("answers each rule with its reason", async () => {
      const r = await networkHelpers.loadFixture(deployPermissioning);
      const [admin, , , , alice, bob] = r.signers;
      await r.registry.onboardMember(alice.address);
      await r.registry.onboardMember(bob.address);
      const stranger = Wallet.createRandom().address;
      const verdict = async (from: string, to: string) =>
        Verdict[Number(await r.p.transactionAllowedReason(from, to, 0, 0, 0, "0x"))];
      expect(await verdict(alice.address, bob.address)).to.equal("Allowed");
      expect(await verdict(alice.address, await r.rsc.getAddress())).to.equal("Allowed");
      expect(await verdict(alice.address, await r.reserve.getAddress())).to.equal("Allowed"); // kind Module
      expect(await verdict(alice.address, await r.capitalPool.getAddress())).to.equal("Allowed"); // kind Region
      expect(await verdict(alice.address, stranger)).to.equal("TargetNotAllowed");
      expect(await verdict(alice.address, ZERO)).to.equal("CreationReservedToDeployers");
      expect(await verdict(stranger, bob.address)).to.equal("SenderNotRegistered");
      expect(await verdict(admin.address, ZERO)).to.equal("Allowed");
      expect(await verdict(admin.address, stranger)).to.equal("Allowed");
      await r.registry.suspend(bob.address, "test");
      expect(await verdict(bob.address, alice.address)).to.equal("SenderSuspended");
      expect(await verdict(alice.address, bob.address)).to.equal("TargetSuspended");
      expect(await r.p.transactionAllowed(alice.address, bob.address, 1, 2, 3, "0x1234")).to.equal(false);
      await r.p.grantRole(await r.p.OPERATOR_ROLE(), stranger);
      expect(await verdict(stranger, await r.registry.getAddress())).to.equal("Allowed");
      expect(await verdict(stranger, ZERO)).to.equal("CreationReservedToDeployers");
    });
  });

  describe("transactions: fuzzed against the registry and a reference model", () => {
    it("agrees with the model on random kinds, suspensions, roles and lists (3 seeds × 3 rounds × 150 pairs)", async function () {
      this.timeout(600_000);
      for (const seed of [1, 7, 2026]) {
        const r = await networkHelpers.loadFixture(deployPermissioning);
        const rand = prng(seed);
        const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
        const state: ModelState = {
          accounts: new Map(),
          deployers: new Set([r.admin.address.toLowerCase()]),
          operators: new Set(),
          conductorContracts: new Set(),
        };
        for (const c of [r.rsc, r.registry, r.regionParameters, r.custodians, r.safeProxyFactory]) {
          state.conductorContracts.add((await c.getAddress()).toLowerCase());
        }
        for (const c of [r.reserve, r.capitalPool]) {
          state.accounts.set((await c.getAddress()).toLowerCase(), { kind: c === r.reserve ? 6 : 5, suspended: false });
        }
        const pool: string[] = [ZERO, r.admin.address, ...state.conductorContracts, ...state.accounts.keys()];
        // 30 fresh addresses of random kinds (0 = left unregistered).
        for (let i = 0; i < 30; i++) {
          const address = Wallet.createRandom().address;
          const kind = pick([0, 1, 1, 2, 3, 4, 5, 6, 7]);
          if (kind === 1) await r.registry.onboardMember(address);
          else if (kind >= 2 && kind <= 4) {
            if (kind !== 4) await networkHelpers.setCode(address, "0x00");
            await r.registry.registerCompany(address, kind, 1, `company ${i}`);
          } else if (kind >= 5) await r.rsc.registerModule(address, kind, 0);
          if (kind !== 0) state.accounts.set(address.toLowerCase(), { kind, suspended: false });
          if (rand() < 0.15) {
            await r.p.grantRole(await r.p.OPERATOR_ROLE(), address);
            state.operators.add(address.toLowerCase());
          }
          if (rand() < 0.1) {
            await r.p.setConductorContract(address, true);
            state.conductorContracts.add(address.toLowerCase());
          }
          if (rand() < 0.05) {
            await r.p.grantRole(await r.p.DEPLOYER_ROLE(), address);
            state.deployers.add(address.toLowerCase());
          }
          pool.push(address);
        }
        for (let round = 0; round < 3; round++) {
          // Flip suspensions at random through the registry (registrars suspend persons and
          // companies; Region, Module and Bridge accounts are governance's and cannot be).
          for (const [address, account] of state.accounts) {
            if (rand() >= 0.3 || account.kind > 4) continue;
            if (account.suspended) await r.registry.restore(address);
            else await r.registry.suspend(address, "fuzz");
            account.suspended = !account.suspended;
          }
          for (let i = 0; i < 150; i++) {
            const sender = pick(pool.filter((a) => a !== ZERO));
            const target = pick(pool);
            const expected = referenceVerdict(state, sender.toLowerCase(), target.toLowerCase());
            const value = BigInt(Math.floor(rand() * 1e9));
            const got = Verdict[Number(await r.p.transactionAllowedReason(sender, target, value, 0, 21000, "0x"))];
            expect(got, `seed ${seed} round ${round}: ${sender} → ${target}`).to.equal(expected);
            expect(await r.p.transactionAllowed(sender, target, value, 0, 21000, "0x")).to.equal(
              expected === "Allowed",
            );
          }
        }
      }
    });
  });
});
