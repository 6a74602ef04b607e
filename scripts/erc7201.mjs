// Prints the ERC-7201 storage location of a namespace id: `node scripts/erc7201.mjs conductor.storage.RSC`
import { AbiCoder, keccak256, toBeHex, toUtf8Bytes } from "ethers";

for (const id of process.argv.slice(2)) {
  const inner = BigInt(keccak256(toUtf8Bytes(id))) - 1n;
  const slot = BigInt(keccak256(AbiCoder.defaultAbiCoder().encode(["uint256"], [inner]))) & ~0xffn;
  console.log(`${id}\t${toBeHex(slot, 32)}`);
}
