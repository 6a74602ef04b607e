import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";
import {
  type Call,
  deployTreasury,
  ethers,
  networkHelpers,
  ONE,
  signCall,
  type TreasuryFixture,
  ZERO,
} from "./fixture.ts";

/** A Safe "pre-validated" signature for an owner who approved on-chain. */
const approved = (owner: string) => `0x${owner.slice(2).toLowerCase().padStart(64, "0")}${"0".repeat(64)}01`;
const sorted = (parts: [string, string][]) =>
  `0x${parts
    .sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1))
    .map(([, s]) => s.slice(2))
    .join("")}`;

describe("SafeProposals: the board of pending company transactions", () => {
  let f: TreasuryFixture;
  let owners: Awaited<ReturnType<typeof ethers.getSigners>>;
  let hash: string;
  const exec = (call: Call, signatures: string, from = owners[0]) =>
    f.bank.safe
      .connect(from)
      .execTransaction(call.to, call.value, call.data, call.operation, 0, 0, 0, ZERO, ZERO, signatures);
  const propose = (call: Call, signature = "0x", from = owners[0]) =>
    f.board.connect(from).propose(f.bank.address, call, signature);

  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployTreasury);
    owners = f.bank.owners as typeof owners;
    hash = await f.hashOf(f.purchase);
  });

  describe("propose", () => {
    it("an owner posts a call: the Safe's own hash, the full call in the event and in storage, pending", async () => {
      const c = f.purchase;
      await expect(propose(c))
        .to.emit(f.board, "ProposalPosted")
        .withArgs(f.bank.address, hash, c.nonce, owners[0].address, c.to, c.value, c.data, c.operation);
      const p = await f.board.proposal(hash);
      expect([p.safe, p.to, p.proposer, p.value, p.nonce, p.data, p.operation]).to.deep.equal([
        f.bank.address,
        c.to,
        owners[0].address,
        0n,
        c.nonce,
        c.data,
        0n,
      ]);
      expect(await f.board.isPending(hash)).to.equal(true);
      expect(await f.board.pendingOf(f.bank.address, 0, 10)).to.deep.equal([hash]);
      expect(await f.board.proposalCount(f.bank.address)).to.equal(1n);
    });

    it("refuses a caller who is not an owner of the Safe, and records nothing", async () => {
      await expect(propose(f.purchase, "0x", f.outsider as never))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsNotOwner")
        .withArgs(f.bank.address, f.outsider.address);
      // An owner of another company's Safe is not an owner of this one either.
      await expect(propose(f.purchase, "0x", f.acme.owners[0] as never))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsNotOwner")
        .withArgs(f.bank.address, await f.acme.owners[0].getAddress());
      expect(await f.board.proposalCount(f.bank.address)).to.equal(0n);
    });

    it("refuses a nonce the Safe already used", async () => {
      await f.bank.exec(f.marketplace, "purchase", [1n, 1n, 200n * ONE]);
      await expect(propose(f.purchase))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsStaleNonce")
        .withArgs(f.bank.address, f.purchase.nonce, f.purchase.nonce + 1n);
    });

    it("refuses an operation other than call (0) or delegatecall (1)", async () => {
      await expect(propose({ ...f.purchase, operation: 2 }))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsInvalidOperation")
        .withArgs(2);
    });

    it("refuses the same transaction twice, naming who posted it first", async () => {
      await propose(f.purchase);
      await expect(propose(f.purchase, "0x", owners[1]))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsAlreadyPosted")
        .withArgs(hash, owners[0].address);
      // The same call at the next nonce is a different transaction.
      await expect(propose({ ...f.purchase, nonce: f.purchase.nonce + 1n }, "0x", owners[1])).to.emit(
        f.board,
        "ProposalPosted",
      );
      expect(await f.board.proposalCount(f.bank.address)).to.equal(2n);
    });

    it("takes the proposer's signature along and counts it as an approval", async () => {
      const signature = await signCall(owners[0], f.bank.address, f.purchase);
      await expect(propose(f.purchase, signature))
        .to.emit(f.board, "SignaturePosted")
        .withArgs(f.bank.address, hash, owners[0].address, signature);
      expect(await f.board.approvalCount(hash)).to.equal(1n);
    });
  });

  describe("postSignature", () => {
    beforeEach(async () => {
      await propose(f.purchase);
    });

    it("anyone may relay an owner's signature; it is recorded once", async () => {
      const signature = await signCall(owners[1], f.bank.address, f.purchase);
      await expect(f.board.connect(f.outsider).postSignature(hash, signature))
        .to.emit(f.board, "SignaturePosted")
        .withArgs(f.bank.address, hash, owners[1].address, signature);
      expect(await f.board.signaturesOf(hash)).to.deep.equal([[owners[1].address], [signature]]);
      await expect(f.board.postSignature(hash, signature))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsAlreadySigned")
        .withArgs(hash, owners[1].address);
    });

    it("refuses a signature by someone who is not an owner", async () => {
      const signature = await signCall(f.outsider, f.bank.address, f.purchase);
      await expect(f.board.postSignature(hash, signature))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsSignerNotOwner")
        .withArgs(f.bank.address, f.outsider.address);
      // An owner's signature of a different transaction recovers to a stranger: refused too.
      const other = await signCall(owners[1], f.bank.address, { ...f.purchase, nonce: 99n });
      await expect(f.board.postSignature(hash, other))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsSignerNotOwner")
        .withArgs(f.bank.address, anyValue);
      expect((await f.board.signaturesOf(hash))[0]).to.deep.equal([]);
    });

    it("refuses a malformed signature and an unknown proposal", async () => {
      await expect(f.board.postSignature(hash, "0x1234"))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsInvalidSignature")
        .withArgs(hash, "0x1234");
      const unknown = ethers.id("nothing");
      await expect(f.board.postSignature(unknown, "0x"))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsUnknown")
        .withArgs(unknown);
      await expect(f.board.approvalCount(unknown))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsUnknown")
        .withArgs(unknown);
    });
  });

  describe("approvals, execution and staleness", () => {
    it("counts on-chain approvals and posted signatures once per owner", async () => {
      await propose(f.purchase, await signCall(owners[0], f.bank.address, f.purchase));
      await f.bank.safe.connect(owners[0]).approveHash(hash);
      expect(await f.board.approvalCount(hash)).to.equal(1n);
      await f.bank.safe.connect(owners[2]).approveHash(hash);
      expect(await f.board.approvalCount(hash)).to.equal(2n);
    });

    it("below the threshold the Safe never executes and the proposal stays pending", async () => {
      const signature = await signCall(owners[0], f.bank.address, f.purchase);
      await propose(f.purchase, signature);
      const balance = await f.rsc.balanceOf(f.bank.address);
      await expect(exec(f.purchase, signature)).to.be.revertedWith("GS020");
      expect(await f.rsc.balanceOf(f.bank.address)).to.equal(balance);
      expect(await f.board.isPending(hash)).to.equal(true);
    });

    it("a posted signature and an on-chain approval execute it; then it is no longer pending", async () => {
      const signature = await signCall(owners[0], f.bank.address, f.purchase);
      await propose(f.purchase, signature);
      await f.bank.safe.connect(owners[1]).approveHash(hash);
      const [posted] = await f.board.signaturesOf(hash);
      expect(posted).to.deep.equal([owners[0].address]);
      await exec(
        f.purchase,
        sorted([
          [owners[0].address, signature],
          [owners[1].address, approved(owners[1].address)],
        ]),
        owners[2],
      );
      expect(await f.rsc.balanceOf(f.acme.address)).to.equal(1_200n * ONE);
      expect(await f.board.isPending(hash)).to.equal(false);
      expect(await f.board.pendingOf(f.bank.address, 0, 10)).to.deep.equal([]);
      await expect(f.board.postSignature(hash, await signCall(owners[2], f.bank.address, f.purchase)))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsNotPending")
        .withArgs(hash, f.purchase.nonce, f.purchase.nonce + 1n);
    });

    it("a proposal whose nonce another transaction used (replaced) is no longer pending", async () => {
      const later = { ...f.purchase, nonce: f.purchase.nonce + 1n };
      await propose(f.purchase);
      await propose(later, "0x", owners[1]);
      await f.bank.exec(f.jobBoard, "postJob", [1, 30, "Main Street"]);
      expect(await f.board.isPending(hash)).to.equal(false);
      expect(await f.board.pendingOf(f.bank.address, 0, 10)).to.deep.equal([await f.hashOf(later)]);
      expect(await f.board.proposalsOf(f.bank.address, 0, 10)).to.deep.equal([hash, await f.hashOf(later)]);
    });

    it("pages through a Safe's proposals and refuses a page past the end", async () => {
      for (let i = 0n; i < 3n; i++) await propose({ ...f.purchase, nonce: f.purchase.nonce + i });
      expect(await f.board.proposalsOf(f.bank.address, 1, 1)).to.have.length(1);
      expect(await f.board.proposalsOf(f.bank.address, 2, 10)).to.have.length(1);
      expect(await f.board.proposalsOf(f.bank.address, 3, 10)).to.deep.equal([]);
      await expect(f.board.pendingOf(f.bank.address, 4, 1))
        .to.be.revertedWithCustomError(f.board, "SafeProposalsOutOfRange")
        .withArgs(f.bank.address, 4, 3);
    });
  });
});
