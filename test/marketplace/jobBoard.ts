import { expect } from "chai";
import { deployMarketplace, ethers, type MarketplaceFixture, networkHelpers } from "./fixture.ts";

describe("JobBoard", () => {
  let f: MarketplaceFixture;
  beforeEach(async () => {
    f = await networkHelpers.loadFixture(deployMarketplace);
  });

  it("a company posts an opening through its Safe and closes it", async () => {
    await f.acme.exec(f.jobBoard, "postJob", [42, 40, "Northside workshop"]);
    const job = await f.jobBoard.jobOf(1n);
    expect([job.company, job.occupationId, job.hoursPerWeek, job.open, job.location]).to.deep.equal([
      f.acme.address,
      42n,
      40n,
      true,
      "Northside workshop",
    ]);
    const posted = await f.jobBoard.queryFilter(f.jobBoard.filters.JobPosted(1n));
    expect(posted[0].args.occupationId).to.equal(42n);
    await f.acme.exec(f.jobBoard, "closeJob", [1n]);
    const closed = await f.jobBoard.jobOf(1n);
    expect(closed.open).to.equal(false);
    expect(closed.closedAt).to.be.greaterThan(0n);
  });

  it("a regionally-operated company posts too", async () => {
    await f.clinic.exec(f.jobBoard, "postJob", [7, 20, "Riverside Clinic"]);
    expect((await f.jobBoard.jobOf(1n)).company).to.equal(f.clinic.address);
    expect(await f.jobBoard.jobCount()).to.equal(1n);
  });

  it("refuses non-company posters (a person, an external company)", async () => {
    await expect(f.jobBoard.connect(f.alice).postJob(1, 40, "x"))
      .to.be.revertedWithCustomError(f.jobBoard, "JobBoardNotACompany")
      .withArgs(f.alice.address, 1);
    const data = f.jobBoard.interface.encodeFunctionData("postJob", [1, 40, "x"]);
    await expect(ethers.provider.call({ to: await f.jobBoard.getAddress(), data, from: f.external.address }))
      .to.be.revertedWithCustomError(f.jobBoard, "JobBoardNotACompany")
      .withArgs(f.external.address, 4);
  });

  it("refuses bad hours and locations", async () => {
    const call = async (args: unknown[]) =>
      ethers.provider.call({
        to: await f.jobBoard.getAddress(),
        data: f.jobBoard.interface.encodeFunctionData("postJob", args as never),
        from: f.acme.address,
      });
    await expect(call([1, 0, "x"]))
      .to.be.revertedWithCustomError(f.jobBoard, "JobBoardInvalidHours")
      .withArgs(0, 80);
    await expect(call([1, 81, "x"]))
      .to.be.revertedWithCustomError(f.jobBoard, "JobBoardInvalidHours")
      .withArgs(81, 80);
    await expect(call([1, 40, ""]))
      .to.be.revertedWithCustomError(f.jobBoard, "JobBoardInvalidLocation")
      .withArgs(0);
    await expect(call([1, 40, "y".repeat(129)]))
      .to.be.revertedWithCustomError(f.jobBoard, "JobBoardInvalidLocation")
      .withArgs(129);
  });

  it("only the poster closes, once; unknown ids are refused", async () => {
    await f.acme.exec(f.jobBoard, "postJob", [42, 40, "Northside workshop"]);
    await expect(f.jobBoard.connect(f.alice).closeJob(1n))
      .to.be.revertedWithCustomError(f.jobBoard, "JobBoardNotPoster")
      .withArgs(1n, f.alice.address, f.acme.address);
    await f.acme.exec(f.jobBoard, "closeJob", [1n]);
    const data = f.jobBoard.interface.encodeFunctionData("closeJob", [1n]);
    await expect(ethers.provider.call({ to: await f.jobBoard.getAddress(), data, from: f.acme.address }))
      .to.be.revertedWithCustomError(f.jobBoard, "JobBoardAlreadyClosed")
      .withArgs(1n);
    await expect(f.jobBoard.jobOf(5n)).to.be.revertedWithCustomError(f.jobBoard, "JobBoardUnknownJob").withArgs(5n);
  });

  it("only governance upgrades", async () => {
    await expect(f.jobBoard.connect(f.alice).upgradeToAndCall(f.alice.address, "0x")).to.be.revertedWithCustomError(
      f.jobBoard,
      "AccessControlUnauthorizedAccount",
    );
  });
});
