import Foundation

/// Every dictionary word and every prefix of one (jieba's "prefix dictionary") as a trie kept
/// in one open-addressing array: an entry is found from the entry one character shorter and its
/// last scalar, so the DAG walk extends a match one character at a time. Each slot packs that
/// key, the entry's number and its log probability into 16 bytes, so a probe is one load from
/// one cache line: the table holds some 600,000 entries, and the earlier layout (a slot array
/// pointing into separate hash, length, offset, scalar and probability arrays) cost up to six
/// cache misses per probe. The key is exact, so there is no hash to confirm against the scalars.
struct WordTable: Sendable {
    /// The parent of a one-character word.
    static let root: Int32 = -1
    /// Entry numbers and parents have 21 bits each in a slot (see `Slot`).
    static let maxEntries = (1 << 21) - 2

    struct Slot {
        /// Bit 63 set when occupied; bits 42…62 the entry; 21…41 the parent entry + 1; 0…20 the scalar.
        var key: UInt64
        /// log(frequency / total), or -infinity for a prefix that is no word; 0 until `assignLogProbabilities`.
        var logProbability: Double

        @inline(__always) var entry: Int32 { Int32(truncatingIfNeeded: (key >> 42) & 0x1f_ffff) }
    }

    private static let occupied: UInt64 = 1 << 63
    private static let entryBits: UInt64 = 0x1f_ffff << 42

    private var slots: [Slot]
    private var slotMask: Int
    private var slotShift: UInt64
    private(set) var entryCount = 0

    /// 0 marks a prefix that is not a word of its own.
    private(set) var entryFrequency: [Int] = []
    private(set) var entryTag: [UInt16] = []

    /// Part-of-speech tags as written in the files ("ns", "n", …); index 0 is "no tag".
    private(set) var tags: [String] = [""]
    private var tagIndex: [String: UInt16] = ["": 0]

    /// The slots of the one-character entries of the CJK Unified Ideographs block, by scalar
    /// (`firstIdeograph` + index), filled by `assignLogProbabilities`: every position of a Han run
    /// starts its walk with one of them. Found by hashing, each is in another cache line of the
    /// 16 MB table; this array is 336 KB (not measured apart from the rest of its commit,
    /// docs/PERFORMANCE.md "Plugins' CPU per report").
    private var ideographSlots: [Slot] = []
    private static let firstIdeograph: UInt32 = 0x4E00
    private static let ideographCount: UInt32 = 0xA000 - 0x4E00

    private(set) var maxWordLength = 0
    private(set) var wordCount = 0
    private(set) var totalFrequency = 0

    init(expectedEntries: Int) {
        var capacity = 1024
        while capacity < expectedEntries * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, logProbability: 0), count: capacity)
        slotMask = capacity - 1
        slotShift = UInt64(64 - capacity.trailingZeroBitCount)
        entryFrequency.reserveCapacity(expectedEntries)
        entryTag.reserveCapacity(expectedEntries)
    }

    /// Adds or replaces a word. A later dictionary overrides an earlier one's frequency and tag,
    /// as jieba's user dictionaries do.
    mutating func insert(_ word: UnsafeBufferPointer<UInt32>, frequency: Int, tag: String) throws(TableFull) {
        let tagNumber = internTag(tag)
        var parent = WordTable.root
        for (index, scalar) in word.enumerated() {
            let isWholeWord = index == word.count - 1
            if let slot = child(of: parent, scalar) {
                parent = slot.entry
                guard isWholeWord else { continue }
                let old = entryFrequency[Int(parent)]
                if old == 0 { wordCount += 1 }
                totalFrequency += frequency - old
                entryFrequency[Int(parent)] = frequency
                entryTag[Int(parent)] = tagNumber
                continue
            }
            guard entryCount < WordTable.maxEntries else { throw TableFull() }
            if (entryCount + 1) * 2 > slots.count { grow() }
            let entry = Int32(entryCount)
            entryCount += 1
            entryFrequency.append(isWholeWord ? frequency : 0)
            entryTag.append(isWholeWord ? tagNumber : 0)
            place(WordTable.key(parent, scalar) | UInt64(entry) << 42)
            parent = entry
            if isWholeWord {
                wordCount += 1
                totalFrequency += frequency
            }
        }
        maxWordLength = max(maxWordLength, word.count)
    }

    /// More entries than a slot can number.
    struct TableFull: Error {}

    /// Fills in each slot's log probability once every dictionary is in, the way jieba computes
    /// it: log(frequency) − log(total of all frequencies).
    mutating func assignLogProbabilities() {
        let logTotal = log(Double(totalFrequency))
        for index in slots.indices where slots[index].key & WordTable.occupied != 0 {
            let frequency = entryFrequency[Int(slots[index].entry)]
            slots[index].logProbability = frequency > 0 ? log(Double(frequency)) - logTotal : -Double.infinity
        }
        ideographSlots = (0..<WordTable.ideographCount).map { offset in
            child(of: WordTable.root, WordTable.firstIdeograph + offset) ?? Slot(key: 0, logProbability: 0)
        }
    }

    /// `child(of: WordTable.root, scalar)`: the one-character entry, from `ideographSlots` for
    /// a CJK Unified Ideograph once the table is complete.
    @inline(__always)
    func rootChild(_ scalar: UInt32) -> Slot? {
        let offset = scalar &- WordTable.firstIdeograph
        guard offset < WordTable.ideographCount, !ideographSlots.isEmpty else { return child(of: WordTable.root, scalar) }
        let slot = ideographSlots.withUnsafeBufferPointer { $0[Int(offset)] }
        return slot.key == 0 ? nil : slot
    }

    /// The slot of the entry that extends `parent` by `scalar`, nil when no word goes on that way.
    @inline(__always)
    func child(of parent: Int32, _ scalar: UInt32) -> Slot? {
        let wanted = WordTable.key(parent, scalar)
        return slots.withUnsafeBufferPointer { slots in
            var index = slotIndex(wanted)
            while true {
                let slot = slots[index]
                if slot.key & ~WordTable.entryBits == wanted { return slot }
                if slot.key == 0 { return nil }
                index = (index + 1) & slotMask
            }
        }
    }

    /// The entry spelled by `scalars`, nil when it is neither a word nor a prefix of one.
    func lookup(_ scalars: some Sequence<UInt32>) -> Slot? {
        var found: Slot?
        var parent = WordTable.root
        for scalar in scalars {
            guard let slot = child(of: parent, scalar) else { return nil }
            found = slot
            parent = slot.entry
        }
        return found
    }

    /// The lookup key of a slot: occupied bit, parent + 1 and scalar, without the entry number.
    @inline(__always) private static func key(_ parent: Int32, _ scalar: UInt32) -> UInt64 {
        occupied | UInt64(UInt32(bitPattern: parent &+ 1)) << 21 | UInt64(scalar)
    }

    @inline(__always) private func slotIndex(_ key: UInt64) -> Int {
        // Fibonacci hashing spreads the packed parent and scalar over the whole table.
        Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> slotShift)
    }

    private mutating func place(_ key: UInt64) {
        var index = slotIndex(key & ~WordTable.entryBits)
        while slots[index].key != 0 { index = (index + 1) & slotMask }
        slots[index].key = key
    }

    private mutating func grow() {
        let old = slots
        let capacity = slots.count * 2
        slots = [Slot](repeating: Slot(key: 0, logProbability: 0), count: capacity)
        slotMask = capacity - 1
        slotShift = UInt64(64 - capacity.trailingZeroBitCount)
        for slot in old where slot.key != 0 { place(slot.key) }
    }

    private mutating func internTag(_ tag: String) -> UInt16 {
        if let known = tagIndex[tag] { return known }
        let number = UInt16(tags.count)
        tags.append(tag)
        tagIndex[tag] = number
        return number
    }
}
