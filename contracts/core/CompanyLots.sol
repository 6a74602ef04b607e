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
/// - an inflow opening a lot writes the closed lot's word, once, and the book.
/// Collection (the tax, the cursor) belongs to the ProfitAtRest module, which the token calls only
/// when the oldest uncollected lot is due.
///
/// **Lots in a ring.** A lot stays open for inflows during one period, 1/{PERIODS_PER_DELAY} of the
/// company's delay (at least one {LOT_UNIT}), and is dated at the period's end: no money in it is
/// younger than its date, so none is taxed before it has rested the whole delay. Exempt money
/// (loan disbursements, USD deposits) joins the lot of its period like any other and is counted
/// apart, so a company opens at most one lot per period, whatever it receives. It thus holds
/// about {PERIODS_PER_DELAY} lots not yet due, and its closed lots live in a ring of {RING} words,
/// pre-written when the company is registered ({prepare}): opening a lot rewrites a word that is
/// already non-zero (5,000 gas) instead of a fresh one (22,100), and the company's storage never
/// grows. A closed lot's word is reused once the lot after it is collected; when every word is
/// taken (collection is behind by about a whole delay: the tax paused, no keeper and no spend), an
/// inflow joins the newest lot, which is dated anew when its period has ended — late, never early.
///
/// A company's account word (bits 0..136 are the token's: balance, kind, suspended):
///
///   bit  137        some lot is not collected yet
///   bits 138..161   the oldest uncollected lot's date (uint24, in LOT_UNITs: until the year 2448)
///   bits 162..255   the newest lot's amount (uint94: at most 19.8 billion RSC per lot)
///
/// Its book: `start (uint128) | lotCount (uint32, bit 128) | cursor (uint32, bit 160) | newest
/// lot's date (uint24, bit 192) | newest lot holds exempt money (bit 216)`, where `start` is the
/// cumulative inflow before the newest lot and `cursor` the oldest uncollected lot; the newest
/// lot's exempt money is a word of its own, meaningful only with bit 216 set (written only by
/// exempt inflows). Every lot but the newest has one word in the ring, at `index % RING`:
/// `end (uint128) | date (uint24, bit 128) | exempt money (uint94, bit 152)`, written when the lot
/// after it opens.
library CompanyLots {
    /// @notice Lot dates are counted in units of this many seconds.
    uint256 internal constant LOT_UNIT = 15 minutes;
    /// @notice A lot is open for inflows during 1/PERIODS_PER_DELAY of the delay (at least one unit).
    uint256 internal constant PERIODS_PER_DELAY = 32;
    /// @notice A company's closed lots live in a ring of this many words; at most RING lots are
    /// uncollected at a time (RING − 1 closed ones and the newest), and the lot before the oldest
    /// uncollected one stays readable (its end is where the oldest starts).
    uint256 internal constant RING = 64;

    uint256 internal constant UNCOLLECTED_BIT = uint256(1) << 137;
    uint256 internal constant CURSOR_DATE_SHIFT = 138;
    uint256 internal constant AMOUNT_SHIFT = 162;
    uint256 internal constant MAX_AMOUNT = 2 ** 94 - 1;
    /// @dev The account word's lot bits (137..255).
    uint256 internal constant LOT_BITS = type(uint256).max << 137;

    uint256 private constant U24 = type(uint24).max;
    uint256 private constant U32 = type(uint32).max;
    uint256 private constant COUNT_SHIFT = 128;
    uint256 private constant CURSOR_SHIFT = 160;
    uint256 private constant NEWEST_DATE_SHIFT = 192;
    uint256 private constant NEWEST_EXEMPT_BIT = uint256(1) << 216;
    uint256 private constant LOT_DATE_SHIFT = 128;
    uint256 private constant LOT_EXEMPT_SHIFT = 152;
    /// @dev `Kind.RegionalCompany`, as it sits in an account word's bits 128..135.
    uint256 private constant REGIONAL_COMPANY = 3;

    /// @notice Thrown when one inflow of `amount` would not fit one lot (more than 2^94 − 1 RSC wei).
    error CompanyLotsInflowTooLarge(address company, uint256 amount);

    /// @notice A company's lots as stored, decoded.
    /// @param start Cumulative inflow before the newest lot (RSC wei).
    /// @param newestAmount Inflow of the newest lot.
    /// @param newestDate The newest lot's date, in LOT_UNITs (the end of its period).
    /// @param newestExempt The newest lot's exempt money (loan disbursements, USD deposits).
    /// @param lotCount Lots so far, the newest included.
    /// @param cursor The oldest lot not yet collected (== lotCount: none).
    /// @param cursorDate The date of lot `cursor` (when cursor < lotCount), in LOT_UNITs.
    struct State {
        uint256 start;
        uint256 newestAmount;
        uint256 newestDate;
        uint256 newestExempt;
        uint256 lotCount;
        uint256 cursor;
        uint256 cursorDate;
    }

    /// @custom:storage-location erc7201:conductor.storage.CompanyLots
    struct Storage {
        mapping(address company => uint256) books;
        mapping(address company => uint256[RING]) ring;
        mapping(address company => uint256) newestExempt;
    }

    // keccak256(abi.encode(uint256(keccak256("conductor.storage.CompanyLots")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant STORAGE_LOCATION = 0x65a1dcba043847d624a9deb4f4fed921f5d687dc06de83de30231f24c8da4500;

    function _s() private pure returns (Storage storage $) {
        assembly {
            $.slot := STORAGE_LOCATION
        }
    }

    /// @dev Writes every word of a new company's ring, and its newest lot's exempt word, once (a
    /// placeholder, never read as a lot), so that no inflow pays for a fresh storage slot.
    function prepare(address company) internal {
        Storage storage $ = _s();
        uint256[RING] storage ring = $.ring[company];
        for (uint256 i = 0; i < RING; ++i) {
            ring[i] = 1;
        }
        $.newestExempt[company] = 1;
    }

    /// @dev Books an inflow of `amount` (> 0) into the company whose account word, already
    /// credited, is `word`; returns the word to store. Joins the newest lot while its period is
    /// open and the lot has room; otherwise closes it and opens a new one, or, the ring full, joins
    /// it anyway and dates it anew if its period has ended. `exempt` money is counted apart in its
    /// lot. `delays` is ProfitAtRestDelay (uint32) | RegionalProfitAtRestDelay (uint32, bit 32), in
    /// seconds.
    function bookInflow(uint256 word, address company, uint256 amount, bool exempt, uint256 delays)
        internal
        returns (uint256)
    {
        Storage storage $ = _s();
        uint256 unit = block.timestamp / LOT_UNIT;
        uint256 book = $.books[company];
        uint256 newBook = book;
        // A company with no lot has a zero book: date 0 is long past, so it opens one.
        if (unit >= ((book >> NEWEST_DATE_SHIFT) & U24) || (word >> AMOUNT_SHIFT) + amount > MAX_AMOUNT) {
            if (amount > MAX_AMOUNT) revert CompanyLotsInflowTooLarge(company, amount);
            uint256 date = unit + _period(word, delays);
            if (((book >> COUNT_SHIFT) & U32) - ((book >> CURSOR_SHIFT) & U32) < RING) {
                return _open(word, company, book, date, amount, exempt);
            }
            // The ring is full: the newest lot takes the inflow, dated anew if its period ended.
            if ((word >> AMOUNT_SHIFT) + amount > MAX_AMOUNT) revert CompanyLotsInflowTooLarge(company, amount);
            if (unit >= ((book >> NEWEST_DATE_SHIFT) & U24)) {
                newBook = (book & ~(U24 << NEWEST_DATE_SHIFT)) | (date << NEWEST_DATE_SHIFT);
            }
        }
        if (exempt) {
            if (book & NEWEST_EXEMPT_BIT == 0) {
                newBook |= NEWEST_EXEMPT_BIT;
                $.newestExempt[company] = amount;
            } else {
                $.newestExempt[company] += amount;
            }
        }
        if (newBook != book) $.books[company] = newBook;
        return word + (amount << AMOUNT_SHIFT);
    }

    /// @dev The company's lot period, in LOT_UNITs: 1/PERIODS_PER_DELAY of its delay, at least 1.
    function _period(uint256 word, uint256 delays) private pure returns (uint256 period) {
        uint256 delay = ((word >> 128) & 0xff) == REGIONAL_COMPANY ? (delays >> 32) & U32 : delays & U32;
        period = delay / (PERIODS_PER_DELAY * LOT_UNIT);
        if (period == 0) period = 1;
    }

    /// @dev A lot opens, dated `date`: the newest lot gets its word in the ring and the book counts
    /// one more lot. When every lot was collected, the new one is the oldest uncollected.
    function _open(uint256 word, address company, uint256 book, uint256 date, uint256 amount, bool exempt)
        private
        returns (uint256)
    {
        Storage storage $ = _s();
        uint256 start = uint128(book);
        uint256 count = (book >> COUNT_SHIFT) & U32;
        if (count != 0) {
            uint256 end = start + (word >> AMOUNT_SHIFT);
            uint256 exemptMoney = book & NEWEST_EXEMPT_BIT != 0 ? $.newestExempt[company] : 0;
            $.ring[company][(count - 1) % RING] =
                end | (((book >> NEWEST_DATE_SHIFT) & U24) << LOT_DATE_SHIFT) | (exemptMoney << LOT_EXEMPT_SHIFT);
            start = end;
        }
        uint256 cursor = (book >> CURSOR_SHIFT) & U32;
        $.books[company] = start | ((count + 1) << COUNT_SHIFT) | (cursor << CURSOR_SHIFT)
            | (date << NEWEST_DATE_SHIFT) | (exempt ? NEWEST_EXEMPT_BIT : 0);
        if (exempt) $.newestExempt[company] = amount;
        word = (word & ~(MAX_AMOUNT << AMOUNT_SHIFT)) | (amount << AMOUNT_SHIFT);
        if (cursor == count) {
            word = (word & ~(U24 << CURSOR_DATE_SHIFT)) | UNCOLLECTED_BIT | (date << CURSOR_DATE_SHIFT);
        }
        return word;
    }

    /// @dev Moves the company's collection cursor to `cursor` (the caller checks the bounds);
    /// returns its account word with the oldest uncollected lot's date, to store.
    function setCursor(address company, uint256 word, uint256 cursor) internal returns (uint256) {
        Storage storage $ = _s();
        uint256 book = $.books[company];
        uint256 count = (book >> COUNT_SHIFT) & U32;
        $.books[company] = (book & ~(U32 << CURSOR_SHIFT)) | (cursor << CURSOR_SHIFT);
        word &= ~(UNCOLLECTED_BIT | (U24 << CURSOR_DATE_SHIFT));
        if (cursor == count) return word;
        uint256 date = cursor + 1 == count
            ? (book >> NEWEST_DATE_SHIFT) & U24
            : ($.ring[company][cursor % RING] >> LOT_DATE_SHIFT) & U24;
        return word | UNCOLLECTED_BIT | (date << CURSOR_DATE_SHIFT);
    }

    /// @dev The company's collection cursor and lot count.
    function cursorOf(address company) internal view returns (uint256 cursor, uint256 lotCount) {
        uint256 book = _s().books[company];
        return ((book >> CURSOR_SHIFT) & U32, (book >> COUNT_SHIFT) & U32);
    }

    /// @dev The company's book, the ring word where lot `index` is (or was, or will be) stored and
    /// the newest lot's exempt word.
    function words(address company, uint256 index)
        internal
        view
        returns (uint256 book, uint256 lot, uint256 newestExempt)
    {
        Storage storage $ = _s();
        return ($.books[company], $.ring[company][index % RING], $.newestExempt[company]);
    }

    /// @dev A company's balance and lots, decoded from its account word, book and newest lot's
    /// exempt word.
    function decode(uint256 word, uint256 book, uint256 newestExempt)
        internal
        pure
        returns (uint256 balance, State memory st)
    {
        balance = uint128(word);
        st.start = uint128(book);
        st.lotCount = (book >> COUNT_SHIFT) & U32;
        st.cursor = (book >> CURSOR_SHIFT) & U32;
        st.newestDate = (book >> NEWEST_DATE_SHIFT) & U24;
        if (book & NEWEST_EXEMPT_BIT != 0) st.newestExempt = newestExempt;
        st.cursorDate = (word >> CURSOR_DATE_SHIFT) & U24;
        if (st.lotCount != 0) st.newestAmount = word >> AMOUNT_SHIFT;
    }

    /// @dev A closed lot's ring word, decoded: cumulative inflow at its end, date, exempt money.
    function decodeLot(uint256 lot) internal pure returns (uint256 end, uint256 date, uint256 exempt) {
        return (uint128(lot), (lot >> LOT_DATE_SHIFT) & U24, lot >> LOT_EXEMPT_SHIFT);
    }

    /// @dev Whether lot `index` of a company with `lotCount` lots is in the ring: the last RING
    /// closed lots (`lotCount − RING − 1 <= index <= lotCount − 2`).
    function isStored(uint256 index, uint256 lotCount) internal pure returns (bool) {
        return index + 2 <= lotCount && index + RING + 1 >= lotCount;
    }
}
