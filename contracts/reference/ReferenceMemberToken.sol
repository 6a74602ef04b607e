// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ERC721Votes} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Votes.sol";

/// @title ReferenceMemberToken
/// @notice Benchmark reference only: the usual OpenZeppelin way to give members one vote each,
/// an ERC721Votes membership NFT minted by a registrar; the member then delegates to herself.
contract ReferenceMemberToken is ERC721, EIP712, ERC721Votes, Ownable {
    uint256 private _nextId;

    constructor(address registrar) ERC721("Reference Member", "RMEM") EIP712("Reference Member", "1") Ownable(registrar) {}

    /// @notice Mints the next membership token to `member`. Only the registrar.
    function mint(address member) external onlyOwner returns (uint256 tokenId) {
        tokenId = ++_nextId;
        _mint(member, tokenId);
    }

    function _update(address to, uint256 tokenId, address auth) internal override(ERC721, ERC721Votes) returns (address) {
        return super._update(to, tokenId, auth);
    }

    function _increaseBalance(address account, uint128 amount) internal override(ERC721, ERC721Votes) {
        super._increaseBalance(account, amount);
    }
}
