import { expect } from "chai";
import { Action, Kind } from "../../sdk/src/generated/enums.ts";
import { type Caller, deployKinds, type Kinds } from "../helpers/kinds.ts";
import { ethers, networkHelpers, ONE } from "../helpers/region.ts";
import { expectedAllowed } from "../helpers/transferTable.ts";

const k = (kind: Kind) => Kind.indexOf(kind);
const a = (action: Action) => Action.indexOf(action);
const ZERO = ethers.ZeroAddress;
const AMOUNT = 7n * ONE;
const REF = `0x${"ab".repeat(32)}`;

/** The account used on the `to` side: a second Person when both sides are people. */
function target(r: Kinds, from: Kind, to: Kind): Caller {
  return from === "Person" && to === "Person"
    ? { address: r.person2.address, send: r.byKind.Person.send }
    : r.byKind[to];
}

describe("transfer rule", () => {
  it("the hand-written table agrees with the contract's table on every (action, from, to)", async () => {
    const r = await networkHelpers.loadFixture(deployKinds);
    const disagreements: string[] = [];
    for (const action of Action) {
      for (const from of Kind) {
        for (const to of Kind) {
          const onChain = await r.rsc.isAllowed(a(action), k(from), k(to));
          if (onChain !== expectedAllowed(action, from, to)) disagreements.push(`${action} ${from}->${to}`);
        }
      }
    }
    expect(disagreements).to.deep.equal([]);
  });

  describe("direct transfers: only Person -> Person", () => {
    for (const from of Kind) {
      it(`transfer and transferFrom from ${from} to every kind`, async () => {
        const r = await networkHelpers.loadFixture(deployKinds);
        const spender = r.signers[12];
        const sender = r.byKind[from];
        await sender.send(
          await r.rsc.getAddress(),
          r.rsc.interface.encodeFunctionData("approve", [spender.address, ethers.MaxUint256]),
        );
        for (const to of Kind) {
          const receiver = target(r, from, to);
          const fromBefore = await r.rsc.balanceOf(sender.address);
          const toBefore = await r.rsc.balanceOf(receiver.address);
          const data = r.rsc.interface.encodeFunctionData("transfer", [receiver.address, AMOUNT]);
          const viaTransferFrom = () => r.rsc.connect(spender).transferFrom(sender.address, receiver.address, AMOUNT);
          if (from === "Person" && to === "Person") {
            await expect(sender.send(await r.rsc.getAddress(), data))
              .to.emit(r.rsc, "Transfer")
              .withArgs(sender.address, receiver.address, AMOUNT);
            await expect(viaTransferFrom())
              .to.emit(r.rsc, "Transfer")
              .withArgs(sender.address, receiver.address, AMOUNT);
            expect(await r.rsc.balanceOf(sender.address)).to.equal(fromBefore - 2n * AMOUNT);
            expect(await r.rsc.balanceOf(receiver.address)).to.equal(toBefore + 2n * AMOUNT);
          } else {
            await expect(sender.send(await r.rsc.getAddress(), data))
              .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
              .withArgs(a("Transfer"), k(from), k(to));
            await expect(viaTransferFrom())
              .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
              .withArgs(a("Transfer"), k(from), k(to));
            expect(await r.rsc.balanceOf(sender.address)).to.equal(fromBefore);
            expect(await r.rsc.balanceOf(receiver.address)).to.equal(toBefore);
          }
        }
      });
    }

    it("a transfer to the zero address is refused as Person -> None", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const alice = r.signers[4];
      await expect(r.rsc.connect(alice).transfer(ZERO, 1n))
        .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
        .withArgs(a("Transfer"), k("Person"), k("None"));
    });

    it("a transfer to oneself keeps the balance", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const alice = r.signers[4];
      const before = await r.rsc.balanceOf(alice.address);
      await expect(r.rsc.connect(alice).transfer(alice.address, AMOUNT)).to.emit(r.rsc, "Transfer");
      expect(await r.rsc.balanceOf(alice.address)).to.equal(before);
      expect(await r.rsc.totalSupply()).to.equal(7n * 1_000n * ONE);
    });

    it("a transfer above the balance is refused with ERC20InsufficientBalance", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const [alice, bob] = [r.signers[4], r.signers[5]];
      const balance = await r.rsc.balanceOf(alice.address);
      await expect(r.rsc.connect(alice).transfer(bob.address, balance + 1n))
        .to.be.revertedWithCustomError(r.rsc, "ERC20InsufficientBalance")
        .withArgs(alice.address, balance, balance + 1n);
    });

    it("transferFrom above the allowance is refused with ERC20InsufficientAllowance", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const [alice, bob, spender] = [r.signers[4], r.signers[5], r.signers[12]];
      await r.rsc.connect(alice).approve(spender.address, 5n);
      await expect(r.rsc.connect(spender).transferFrom(alice.address, bob.address, 6n))
        .to.be.revertedWithCustomError(r.rsc, "ERC20InsufficientAllowance")
        .withArgs(spender.address, 5n, 6n);
      await r.rsc.connect(spender).transferFrom(alice.address, bob.address, 5n);
      expect(await r.rsc.allowance(alice.address, spender.address)).to.equal(0n);
    });
  });

  describe("typed actions through a module: every action x kind x kind", () => {
    for (const action of Action) {
      it(`${action}: allowed triples move exactly the amount, the rest are refused`, async () => {
        const r = await networkHelpers.loadFixture(deployKinds);
        for (const from of Kind) {
          for (const to of Kind) {
            const fromAddress = from === "None" ? ZERO : r.byKind[from].address;
            const toAddress = to === "None" ? ZERO : target(r, from, to).address;
            const tx = () => r.testModule.move(a(action), fromAddress, toAddress, AMOUNT, REF);
            if (action === "Transfer") {
              await expect(tx())
                .to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedModule")
                .withArgs(await r.testModule.getAddress(), a(action));
              continue;
            }
            if (!expectedAllowed(action, from, to)) {
              await expect(tx())
                .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
                .withArgs(a(action), k(from), k(to));
              continue;
            }
            // The Bridge holds RSC only in flight (a cross-region purchase): give it some first.
            if (from === "Bridge") await r.testModule.move(a("BridgeIn"), ZERO, fromAddress, AMOUNT, REF);
            const supply = await r.rsc.totalSupply();
            const fromBefore = await r.rsc.balanceOf(fromAddress);
            const toBefore = await r.rsc.balanceOf(toAddress);
            await expect(tx())
              .to.emit(r.rsc, "Transfer")
              .withArgs(fromAddress, toAddress, AMOUNT)
              .and.to.emit(r.rsc, "ActionPerformed")
              .withArgs(a(action), fromAddress, toAddress, AMOUNT, REF);
            const minted = from === "None" ? AMOUNT : 0n;
            const burned = to === "None" ? AMOUNT : 0n;
            expect(await r.rsc.totalSupply()).to.equal(supply + minted - burned, `${action} ${from}->${to} supply`);
            if (fromAddress === toAddress) {
              // a move to oneself (e.g. Region -> Region pooling on one account) changes nothing
              expect(await r.rsc.balanceOf(fromAddress)).to.equal(fromBefore);
              continue;
            }
            if (from !== "None") expect(await r.rsc.balanceOf(fromAddress)).to.equal(fromBefore - AMOUNT);
            if (to !== "None") expect(await r.rsc.balanceOf(toAddress)).to.equal(toBefore + AMOUNT);
          }
        }
      });
    }

    it("an unregistered non-zero address is neither minted from nor burned to", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const stranger = r.byKind.None.address;
      for (const action of Action) {
        if (action === "Transfer") continue;
        for (const other of Kind) {
          if (other === "None") continue;
          const otherAddress = r.byKind[other].address;
          const asFrom = () => r.testModule.move(a(action), stranger, otherAddress, 0n, REF);
          const asTo = () => r.testModule.move(a(action), otherAddress, stranger, 0n, REF);
          if (expectedAllowed(action, "None", other)) {
            await expect(asFrom()).to.be.revertedWithCustomError(r.rsc, "RSCNotRegistered").withArgs(stranger);
          } else {
            await expect(asFrom())
              .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
              .withArgs(a(action), k("None"), k(other));
          }
          if (expectedAllowed(action, other, "None")) {
            await expect(asTo()).to.be.revertedWithCustomError(r.rsc, "RSCNotRegistered").withArgs(stranger);
          } else {
            await expect(asTo())
              .to.be.revertedWithCustomError(r.rsc, "RSCActionNotAllowed")
              .withArgs(a(action), k(other), k("None"));
          }
        }
      }
      expect(await r.rsc.balanceOf(stranger)).to.equal(0n);
    });

    it("a burn to an unregistered address would have credited it (regression: burn means to == 0)", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const stranger = r.byKind.None.address;
      const supply = await r.rsc.totalSupply();
      await expect(r.testModule.move(a("Redemption"), r.byKind.Module.address, stranger, AMOUNT, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCNotRegistered")
        .withArgs(stranger);
      expect(await r.rsc.totalSupply()).to.equal(supply);
      expect(await r.rsc.balanceOf(stranger)).to.equal(0n);
    });

    it("moving more than the balance is refused with ERC20InsufficientBalance", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const company = r.byKind.Company.address;
      const balance = await r.rsc.balanceOf(company);
      await expect(r.testModule.move(a("Wage"), company, r.byKind.Person.address, balance + 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "ERC20InsufficientBalance")
        .withArgs(company, balance, balance + 1n);
    });

    it("a mint past 2^128 - 1 total supply is refused with RSCSupplyOverflow", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const supply = await r.rsc.totalSupply();
      const tooMuch = 2n ** 128n - supply;
      await expect(r.testModule.move(a("Deposit"), ZERO, r.byKind.Person.address, tooMuch, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCSupplyOverflow")
        .withArgs(supply, tooMuch);
    });
  });

  describe("suspension", () => {
    it("a suspended Person neither sends nor receives, directly or through a module", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const [alice, bob] = [r.signers[4], r.signers[5]];
      await r.registry.suspend(alice.address, "fraud inquiry");
      await expect(r.rsc.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(alice.address);
      await expect(r.rsc.connect(bob).transfer(alice.address, 1n))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(alice.address);
      await r.rsc.connect(alice).approve(bob.address, 10n);
      await expect(r.rsc.connect(bob).transferFrom(alice.address, bob.address, 1n))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(alice.address);
      await expect(r.testModule.move(a("Ubi"), r.byKind.Region.address, alice.address, 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(alice.address);
      await expect(r.testModule.move(a("Purchase"), alice.address, r.byKind.Company.address, 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(alice.address);
    });

    it("a suspended side is refused even for Recovery moves (regression: Recovery skipped the check)", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const [alice, bob] = [r.signers[4], r.signers[5]];
      await r.registry.suspend(alice.address, "lost key");
      const before = await r.rsc.balanceOf(alice.address);
      await expect(r.testModule.move(a("Recovery"), alice.address, bob.address, 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(alice.address);
      await expect(r.testModule.move(a("Recovery"), bob.address, alice.address, 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(alice.address);
      expect(await r.rsc.balanceOf(alice.address)).to.equal(before);
    });

    it("a suspended company neither pays nor is paid", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const company = r.byKind.Company.address;
      await r.registry.suspend(company, "books not filed");
      await expect(r.testModule.move(a("Wage"), company, r.byKind.Person.address, 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(company);
      await expect(r.testModule.move(a("Purchase"), r.byKind.Person.address, company, 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCAccountSuspended")
        .withArgs(company);
      await r.registry.restore(company);
      await expect(r.testModule.move(a("Wage"), company, r.byKind.Person.address, 1n, REF)).to.emit(
        r.rsc,
        "ActionPerformed",
      );
    });
  });

  describe("module permissions", () => {
    it("a module without the action's bit is refused with RSCUnauthorizedModule", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const depositOnly = await ethers.deployContract("TestModule", [await r.rsc.getAddress()]);
      await r.rsc.registerModule(await depositOnly.getAddress(), k("Module"), 1n << BigInt(a("Deposit")));
      for (const action of Action) {
        if (action === "Deposit") continue;
        await expect(depositOnly.move(a(action), r.byKind.Region.address, r.byKind.Person.address, 1n, REF))
          .to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedModule")
          .withArgs(await depositOnly.getAddress(), a(action));
      }
      await expect(depositOnly.move(a("Deposit"), ZERO, r.byKind.Person.address, 1n, REF)).to.emit(
        r.rsc,
        "ActionPerformed",
      );
    });

    it("an unregistered contract, a Person and a company cannot call move", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const unregistered = await ethers.deployContract("TestModule", [await r.rsc.getAddress()]);
      await expect(unregistered.move(a("Deposit"), ZERO, r.byKind.Person.address, 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedModule")
        .withArgs(await unregistered.getAddress(), a("Deposit"));
      const alice = r.signers[4];
      await expect(r.rsc.connect(alice).move(a("Deposit"), ZERO, alice.address, 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedModule")
        .withArgs(alice.address, a("Deposit"));
      const data = r.rsc.interface.encodeFunctionData("move", [a("Deposit"), ZERO, alice.address, 1n, REF]);
      await expect(r.byKind.Company.send(await r.rsc.getAddress(), data))
        .to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedModule")
        .withArgs(r.byKind.Company.address, a("Deposit"));
    });

    it("Region and Bridge accounts may perform the actions in their tag", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const pool = await ethers.deployContract("TestModule", [await r.rsc.getAddress()]);
      await r.rsc.registerModule(await pool.getAddress(), k("Region"), 1n << BigInt(a("Pooling")));
      await expect(pool.move(a("Pooling"), ZERO, await pool.getAddress(), 5n, REF)).to.emit(r.rsc, "ActionPerformed");
      const bridge = await ethers.deployContract("TestModule", [await r.rsc.getAddress()]);
      await r.rsc.registerModule(await bridge.getAddress(), k("Bridge"), 1n << BigInt(a("BridgeIn")));
      await expect(bridge.move(a("BridgeIn"), ZERO, r.byKind.Person.address, 5n, REF)).to.emit(
        r.rsc,
        "ActionPerformed",
      );
      await expect(bridge.move(a("BridgeOut"), r.byKind.Person.address, ZERO, 5n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCUnauthorizedModule")
        .withArgs(await bridge.getAddress(), a("BridgeOut"));
    });

    it("re-registering a module replaces its permissions and keeps its balance", async () => {
      const r = await networkHelpers.loadFixture(deployKinds);
      const moduleAddress = r.byKind.Module.address;
      const balance = await r.rsc.balanceOf(moduleAddress);
      await expect(r.rsc.registerModule(moduleAddress, k("Module"), 1n << BigInt(a("Refund"))))
        .to.emit(r.rsc, "AccountRegistered")
        .withArgs(moduleAddress, k("Module"), 1n << BigInt(a("Refund")));
      expect(await r.rsc.balanceOf(moduleAddress)).to.equal(balance);
      await expect(r.rsc.registerModule(moduleAddress, k("Bridge"), 0n))
        .to.be.revertedWithCustomError(r.rsc, "RSCAlreadyRegistered")
        .withArgs(moduleAddress, k("Module"));
      await expect(r.rsc.registerModule(r.byKind.Person.address, k("Module"), 0n))
        .to.be.revertedWithCustomError(r.rsc, "RSCAlreadyRegistered")
        .withArgs(r.byKind.Person.address, k("Person"));
      for (const kind of ["None", "Person", "Company", "RegionalCompany", "ExternalCompany"] as const) {
        await expect(r.rsc.registerModule(r.signers[13].address, k(kind), 0n))
          .to.be.revertedWithCustomError(r.rsc, "RSCKindNotAssignable")
          .withArgs(k(kind));
      }
    });
  });

  describe("emergency pause", () => {
    async function withGuardian() {
      const r = await deployKinds();
      const guardian = r.signers[11];
      await r.rsc.grantRole(await r.rsc.GUARDIAN_ROLE(), guardian.address);
      return { ...r, guardian };
    }
    const DAY = 86_400;

    it("pauses every action but direct transfers, wages and income tax, until expiry", async () => {
      const r = await networkHelpers.loadFixture(withGuardian);
      const now = await networkHelpers.time.latest();
      const until = now + DAY;
      const all = Number((1n << BigInt(Action.length)) - 1n);
      const unpausable = (1 << a("Transfer")) | (1 << a("Wage")) | (1 << a("IncomeTax"));
      await expect(r.rsc.connect(r.guardian).pauseActions(all, until, "incident 1"))
        .to.emit(r.rsc, "ActionsPaused")
        .withArgs(all & ~unpausable, until, "incident 1");
      expect(await r.rsc.pausedActions()).to.deep.equal([BigInt(all & ~unpausable), BigInt(until)]);
      const person = r.byKind.Person.address;
      for (const action of Action) {
        if (action === "Transfer" || action === "Wage" || action === "IncomeTax") continue;
        await expect(r.testModule.move(a(action), r.byKind.Company.address, person, 1n, REF))
          .to.be.revertedWithCustomError(r.rsc, "RSCActionPaused")
          .withArgs(a(action), until);
      }
      await expect(r.testModule.move(a("Wage"), r.byKind.Company.address, person, 1n, REF)).to.emit(
        r.rsc,
        "ActionPerformed",
      );
      await expect(
        r.testModule.move(a("IncomeTax"), r.byKind.Company.address, r.byKind.Region.address, 1n, REF),
      ).to.emit(r.rsc, "ActionPerformed");
      await expect(r.rsc.connect(r.signers[4]).transfer(r.signers[5].address, 1n)).to.emit(r.rsc, "Transfer");

      await networkHelpers.time.increaseTo(until);
      await expect(r.testModule.move(a("Purchase"), person, r.byKind.Company.address, 1n, REF)).to.emit(
        r.rsc,
        "ActionPerformed",
      );
      expect(await r.rsc.pausedActions()).to.deep.equal([0n, 0n]);
    });

    it("governance lifts the pause before its expiry", async () => {
      const r = await networkHelpers.loadFixture(withGuardian);
      const until = (await networkHelpers.time.latest()) + DAY;
      await r.rsc.connect(r.guardian).pauseActions(1 << a("Ubi"), until, "incident 2");
      await expect(r.testModule.move(a("Ubi"), r.byKind.Region.address, r.byKind.Person.address, 1n, REF))
        .to.be.revertedWithCustomError(r.rsc, "RSCActionPaused")
        .withArgs(a("Ubi"), until);
      await expect(r.rsc.unpauseActions()).to.emit(r.rsc, "ActionsUnpaused");
      await expect(r.testModule.move(a("Ubi"), r.byKind.Region.address, r.byKind.Person.address, 1n, REF)).to.emit(
        r.rsc,
        "ActionPerformed",
      );
      expect(await r.rsc.registry()).to.equal(await r.registry.getAddress());
    });

    it("a new pause replaces the previous one", async () => {
      const r = await networkHelpers.loadFixture(withGuardian);
      const until = (await networkHelpers.time.latest()) + DAY;
      await r.rsc.connect(r.guardian).pauseActions(1 << a("Ubi"), until, "first");
      await r.rsc.connect(r.guardian).pauseActions(1 << a("Rent"), until + 10, "second");
      expect(await r.rsc.pausedActions()).to.deep.equal([BigInt(1 << a("Rent")), BigInt(until + 10)]);
      await expect(r.testModule.move(a("Ubi"), r.byKind.Region.address, r.byKind.Person.address, 1n, REF)).to.emit(
        r.rsc,
        "ActionPerformed",
      );
    });

    it("an expiry not in the future or past 30 days is refused with RSCInvalidPauseExpiry", async () => {
      const r = await networkHelpers.loadFixture(withGuardian);
      const next = (await networkHelpers.time.latest()) + 100;
      const latest = next + 30 * DAY;
      for (const until of [next, next - 50, latest + 1]) {
        await networkHelpers.time.setNextBlockTimestamp(next);
        await expect(r.rsc.connect(r.guardian).pauseActions(1, until, "bad"))
          .to.be.revertedWithCustomError(r.rsc, "RSCInvalidPauseExpiry")
          .withArgs(until, latest);
      }
      await networkHelpers.time.setNextBlockTimestamp(next);
      await expect(r.rsc.connect(r.guardian).pauseActions(2, latest, "longest")).to.emit(r.rsc, "ActionsPaused");
    });
  });
});
