/// Every dictionary word and every prefix of one (jieba's "prefix dictionary"), as sequences of
/// Unicode scalars. Keys are 64-bit FNV-1a hashes over the scalars, so the DAG walk extends a
/// hash one character at a time instead of building a String per candidate; a hit is confirmed
/// against the stored scalars, so hash collisions cannot produce wrong words.
struct WordTable: Sendable {
    static let emptyHash: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func extend(_ hash: UInt64, with scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01b3
    }

    /// Entry index per open-addressing slot, -1 when empty.
    private var slots: [Int32]
    private var slotMask: Int
    private var slotShift: UInt64

    private var entryHash: [UInt64] = []
    private var entryStart: [Int32] = []
    private var entryLength: [Int32] = []
    /// 0 marks a prefix that is not a word of its own.
    private(set) var entryFrequency: [Int] = []
    private(set) var entryTag: [UInt16] = []
    private var scalarPool: [UInt32] = []

    /// Part-of-speech tags as written in the files ("ns", "n", …); index 0 is "no tag".
    private(set) var tags: [String] = [""]
    private var tagIndex: [String: UInt16] = ["": 0]

    private(set) var maxWordLength = 0
    private(set) var wordCount = 0
    private(set) var totalFrequency = 0

    init(expectedEntries: Int) {
        var capacity = 1024
        while capacity < expectedEntries * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        slotMask = capacity - 1
        slotShift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// Adds or replaces a word. A later dictionary overrides an earlier one's frequency and tag,
    /// as jieba's user dictionaries do.
    mutating func insert(_ word: UnsafeBufferPointer<UInt32>, frequency: Int, tag: String) {
        let tagNumber = internTag(tag)
        var hash = WordTable.emptyHash
        for length in 1...word.count {
            hash = WordTable.extend(hash, with: word[length - 1])
            let isWholeWord = length == word.count
            if let entry = find(hash: hash, in: word, from: 0, length: length) {
                if isWholeWord {
                    let old = entryFrequency[Int(entry)]
                    if old == 0 { wordCount += 1 }
                    totalFrequency += frequency - old
                    entryFrequency[Int(entry)] = frequency
                    entryTag[Int(entry)] = tagNumber
                }
                continue
            }
            append(hash: hash, scalars: UnsafeBufferPointer(rebasing: word[0..<length]),
                   frequency: isWholeWord ? frequency : 0, tag: isWholeWord ? tagNumber : 0)
            if isWholeWord {
                wordCount += 1
                totalFrequency += frequency
            }
        }
        maxWordLength = max(maxWordLength, word.count)
    }

    /// The entry whose scalars equal `text[start..<start+length]`, given their hash.
    @inline(__always)
    func find(hash: UInt64, in text: UnsafeBufferPointer<UInt32>, from start: Int, length: Int) -> Int32? {
        var slot = slotIndex(hash)
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if entryHash[Int(entry)] == hash, matches(Int(entry), text, start, length) { return entry }
            slot = (slot + 1) & slotMask
        }
    }

    func lookup(_ word: [UInt32]) -> Int32? {
        word.withUnsafeBufferPointer { buffer in
            var hash = WordTable.emptyHash
            for scalar in buffer { hash = WordTable.extend(hash, with: scalar) }
            return buffer.isEmpty ? nil : find(hash: hash, in: buffer, from: 0, length: buffer.count)
        }
    }

    @inline(__always) private func slotIndex(_ hash: UInt64) -> Int {
        // Fibonacci hashing spreads FNV's weakly mixed low bits over the table.
        Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> slotShift)
    }

    @inline(__always)
    private func matches(_ entry: Int, _ text: UnsafeBufferPointer<UInt32>, _ start: Int, _ length: Int) -> Bool {
        guard Int(entryLength[entry]) == length else { return false }
        let poolStart = Int(entryStart[entry])
        for offset in 0..<length where scalarPool[poolStart + offset] != text[start + offset] { return false }
        return true
    }

    private mutating func append(hash: UInt64, scalars: UnsafeBufferPointer<UInt32>, frequency: Int, tag: UInt16) {
        if (entryHash.count + 1) * 2 > slots.count { grow() }
        let entry = Int32(entryHash.count)
        entryHash.append(hash)
        entryStart.append(Int32(scalarPool.count))
        entryLength.append(Int32(scalars.count))
        entryFrequency.append(frequency)
        entryTag.append(tag)
        scalarPool.append(contentsOf: scalars)
        place(entry, hash: hash)
    }

    private mutating func place(_ entry: Int32, hash: UInt64) {
        var slot = slotIndex(hash)
        while slots[slot] >= 0 { slot = (slot + 1) & slotMask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        slotMask = capacity - 1
        slotShift = UInt64(64 - capacity.trailingZeroBitCount)
        for entry in 0..<entryHash.count { place(Int32(entry), hash: entryHash[entry]) }
    }

    private mutating func internTag(_ tag: String) -> UInt16 {
        if let known = tagIndex[tag] { return known }
        let number = UInt16(tags.count)
        tags.append(tag)
        tagIndex[tag] = number
        return number
    }
}
