// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title CompanyLots — the token's side of the profit-at-rest lots
/// @notice Every inflow of a Company or RegionalCompany forms a lot (see {IProfitAtRest} for the
/// whole rule). The token books inflows and finds out whether an outflow has a due lot to collect,
/// in the storage it already touches. FIFO consumption needs no write at all: with the cumulative
/// inflow `totalIn` known, what the company has spent is `totalIn − balance`. So:
/// - an inflow joining the newest lot reads the company's book and adds to the newest lot's amount,
///   which lives in the company's account word (written anyway for the balance);
/// - an outflow finds out from the account word alone whether the oldest uncollected lot is due;
/// - an inflow opening a lot writes the closed lot's own word, once, and the book.
/// Collection (the tax, the cursor) belongs to the ProfitAtRest module, which the token calls only
/// when the oldest uncollected lot is due.
///
/// A company's account word (bits 0..136 are the token's: balance, kind, suspended):
///
///   bit  137        some lot is not collected yet
///   bits 138..161   the oldest uncollected lot's window (uint24: `at / LOT_WINDOW`, until the year 2448)
///   bits 162..255   the newest lot's amount (uint94: at most 19.8 billion RSC per lot)
///
/// Its book: `start (uint128) | lotCount (uint32, bit 128) | cursor (uint32, bit 160) | newest
/// lot's window (uint24, bit 192) | newest lot exempt (bit 216)`, where `start` is the cumulative
/// inflow before the newest lot and `cursor` the oldest uncollected lot. Every lot but the newest
/// has one word, `end (uint128) | window (uint24, bit 128) | exempt (bit 152)`, written once, when
/// the lot after it opens.
library CompanyLots {
    /// @notice Inflows of one class in the same aligned window of this many seconds form one lot.
    uint256 internal constant LOT_WINDOW = 15 minutes;

    uint256 internal constant UNCOLLECTED_BIT = uint256(1) << 137;
    uint256 internal constant CURSOR_WINDOW_SHIFT = 138;
    uint256 internal constant AMOUNT_SHIFT = 162;
    uint256 internal constant MAX_AMOUNT = (uint256(1) << 94) - 1;
    /// @dev The account word's lot bits (137..255).
    uint256 internal constant LOT_BITS = ~((uint256(1) << 137) - 1);

    uint256 private constant U24 = type(uint24).max;
    uint256 private constant U32 = type(uint32).max;
    uint256 private constant COUNT_SHIFT = 128;
    uint256 private constant CURSOR_SHIFT = 160;
    uint256 private constant NEWEST_WINDOW_SHIFT = 192;
    uint256 private constant NEWEST_EXEMPT_BIT = uint256(1) << 216;
    uint256 private constant LOT_WINDOW_SHIFT = 128;
    uint256 private constant LOT_EXEMPT_BIT = uint256(1) << 152;

    /// @notice Thrown when one inflow of `amount` would not fit one lot (more than 2^94 − 1 RSC wei).
    error CompanyLotsInflowTooLarge(address company, uint256 amount);

    /// @notice A company's lots as stored, decoded.
    /// @param start Cumulative inflow before the newest lot (RSC wei).
    /// @param newestAmount Inflow of the newest lot.
    /// @param newestWindow The newest lot's window (its time is `window × LOT_WINDOW`).
    /// @param newestExempt Whether the newest lot is exempt.
    /// @param lotCount Lots so far, the newest included.
    /// @param cursor The oldest lot not yet collected (== lotCount: none).
    /// @param cursorWindow The window of lot `cursor` (when cursor < lotCount).
    struct State {
        uint256 start;
        uint256 newestAmount;
        uint256 newestWindow;
        bool newestExempt;
        uint256 lotCount;
        uint256 cursor;
        uint256 cursorWindow;
    }

    /// @custom:storage-location erc7201:conductor.storage.CompanyLots
    struct Storage {
        mapping(address company => uint256) books;
        mapping(address company => mapping(uint256 index => uint256)) lots;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.CompanyLots")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x65a1dcba043847d624a9deb4f4fed921f5d687dc06de83de30231f24c8da4500;

    function _s() private pure returns (Storage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @dev Books an inflow of `amount` (> 0) into the company whose account word, already
    /// credited, is `word`; returns the word to store. Joins the newest lot when it is of the same
    /// class, in the same window and has room; otherwise closes it (its own word, written once)
    /// and opens a new one.
    function bookInflow(uint256 word, address company, uint256 amount, bool exempt) internal returns (uint256) {
        uint256 window = block.timestamp / LOT_WINDOW;
        uint256 book = _s().books[company];
        // A company with no lot has a zero book: window 0 is long past, so it opens one.
        if (
            ((book >> NEWEST_WINDOW_SHIFT) & U24) == window && (book & NEWEST_EXEMPT_BIT != 0) == exempt
                && (word >> AMOUNT_SHIFT) + amount <= MAX_AMOUNT
        ) {
            return word + (amount << AMOUNT_SHIFT);
        }
        if (amount > MAX_AMOUNT) revert CompanyLotsInflowTooLarge(company, amount);
        return _open(word, company, book, window, amount, exempt);
    }

    /// @dev A lot opens in `window`: the newest lot gets its own word, once, and the book counts one
    /// more lot. When every lot was collected, the new one is the oldest uncollected.
    function _open(uint256 word, address company, uint256 book, uint256 window, uint256 amount, bool exempt)
        private
        returns (uint256)
    {
        Storage storage $ = _s();
        uint256 start = uint128(book);
        uint256 count = (book >> COUNT_SHIFT) & U32;
        if (count != 0) {
            uint256 end = start + (word >> AMOUNT_SHIFT);
            $.lots[company][count - 1] = end | (((book >> NEWEST_WINDOW_SHIFT) & U24) << LOT_WINDOW_SHIFT)
                | (book & NEWEST_EXEMPT_BIT != 0 ? LOT_EXEMPT_BIT : 0);
            start = end;
        }
        uint256 cursor = (book >> CURSOR_SHIFT) & U32;
        $.books[company] = start | ((count + 1) << COUNT_SHIFT) | (cursor << CURSOR_SHIFT)
            | (window << NEWEST_WINDOW_SHIFT) | (exempt ? NEWEST_EXEMPT_BIT : 0);
        word = (word & ~(MAX_AMOUNT << AMOUNT_SHIFT)) | (amount << AMOUNT_SHIFT);
        if (cursor == count) {
            word = (word & ~(U24 << CURSOR_WINDOW_SHIFT)) | UNCOLLECTED_BIT | (window << CURSOR_WINDOW_SHIFT);
        }
        return word;
    }

    /// @dev Moves the company's collection cursor to `cursor` (the caller checks the bounds);
    /// returns its account word with the oldest uncollected lot's window, to store.
    function setCursor(address company, uint256 word, uint256 cursor) internal returns (uint256) {
        Storage storage $ = _s();
        uint256 book = $.books[company];
        uint256 count = (book >> COUNT_SHIFT) & U32;
        $.books[company] = (book & ~(U32 << CURSOR_SHIFT)) | (cursor << CURSOR_SHIFT);
        word &= ~(UNCOLLECTED_BIT | (U24 << CURSOR_WINDOW_SHIFT));
        if (cursor == count) return word;
        uint256 window = cursor + 1 == count
            ? (book >> NEWEST_WINDOW_SHIFT) & U24
            : ($.lots[company][cursor] >> LOT_WINDOW_SHIFT) & U24;
        return word | UNCOLLECTED_BIT | (window << CURSOR_WINDOW_SHIFT);
    }

    /// @dev The company's state, decoded from its account word and book.
    function stateOf(address company, uint256 word) internal view returns (State memory st) {
        uint256 book = _s().books[company];
        st.start = uint128(book);
        st.lotCount = (book >> COUNT_SHIFT) & U32;
        st.cursor = (book >> CURSOR_SHIFT) & U32;
        st.newestWindow = (book >> NEWEST_WINDOW_SHIFT) & U24;
        st.newestExempt = book & NEWEST_EXEMPT_BIT != 0;
        st.cursorWindow = (word >> CURSOR_WINDOW_SHIFT) & U24;
        if (st.lotCount != 0) st.newestAmount = word >> AMOUNT_SHIFT;
    }

    /// @dev Lot `index` (not the newest) as stored: cumulative inflow at its end, window, class.
    function lotOf(address company, uint256 index) internal view returns (uint256 end, uint256 window, bool exempt) {
        uint256 lot = _s().lots[company][index];
        return (uint128(lot), (lot >> LOT_WINDOW_SHIFT) & U24, lot & LOT_EXEMPT_BIT != 0);
    }
}
