import Foundation

/// Bringing a few rows of the index up to date in place, for the change
/// feed: a rename re-sorts one row instead of reading 100k again.
extension MemberIndex {
    /// Removes the rows of `ids`, then puts each of `entries` (those still
    /// existing, whose ids are in `ids`) where `sort` orders it, exactly
    /// where the store's query for that sort would (``MemberSort`` orders).
    public mutating func update(_ ids: Set<MemberID>, with entries: [MemberIndexEntry], sort: MemberSort) {
        remove(ids)
        for entry in entries where ids.contains(entry.id) {
            insert(entry, at: insertionPoint(of: entry, sort: sort))
        }
    }

    /// The row of `id`, if it is in the index.
    public func position(of id: MemberID) -> Int? { ids.firstIndex(of: id) }

    private mutating func remove(_ removed: Set<MemberID>) {
        guard ids.contains(where: removed.contains) else { return }
        var keptIDs: [MemberID] = [], keptKeys: [UInt8] = [], keptOffsets: [Int32] = [0], keptGroups: [UInt8] = []
        keptIDs.reserveCapacity(ids.count); keptKeys.reserveCapacity(keys.count)
        keptOffsets.reserveCapacity(offsets.count); keptGroups.reserveCapacity(groups.count)
        for row in ids.indices where !removed.contains(ids[row]) {
            keptIDs.append(ids[row])
            keptGroups.append(groups[row])
            keptKeys.append(contentsOf: keys[Int(offsets[row])..<Int(offsets[row + 1])])
            keptOffsets.append(Int32(keptKeys.count))
        }
        ids = keptIDs; keys = keptKeys; offsets = keptOffsets; groups = keptGroups
    }

    private mutating func insert(_ entry: MemberIndexEntry, at row: Int) {
        let key = Array(entry.foldedName.utf8) + [1] + Array(entry.email.utf8)
        let start = Int(offsets[row])
        ids.insert(entry.id, at: row)
        groups.insert(entry.group, at: row)
        keys.insert(contentsOf: key, at: start)
        offsets.insert(Int32(start), at: row)
        let length = Int32(key.count)
        for later in (row + 1)..<offsets.count { offsets[later] += length }
    }

    /// The first row that `entry` sorts before (binary search).
    private func insertionPoint(of entry: MemberIndexEntry, sort: MemberSort) -> Int {
        let name = Array(entry.foldedName.utf8), email = Array(entry.email.utf8)
        var low = 0, high = ids.count
        keys.withUnsafeBufferPointer { keys in
            while low < high {
                let middle = (low + high) / 2
                let start = Int(offsets[middle]), end = Int(offsets[middle + 1])
                let separator = Self.separator(keys, start, end)
                let before: Bool
                if sort == .email {
                    before = Self.order(email, keys, separator + 1, end) < 0
                } else if entry.group != groups[middle] {
                    before = entry.group < groups[middle]
                } else {
                    let byName = Self.order(name, keys, start, separator)
                    before = byName < 0 || (byName == 0 && entry.id < ids[middle])
                }
                if before { high = middle } else { low = middle + 1 }
            }
        }
        return low
    }

    /// Where the name ends in a row's key (names hold no control characters).
    private static func separator(_ keys: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var at = start
        while at < end && keys[at] != 1 { at += 1 }
        return at
    }

    /// Byte order, as SQLite's BINARY collation: memcmp, then the shorter first.
    private static func order(_ bytes: [UInt8], _ keys: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let length = end - start
        let common = min(bytes.count, length)
        let compared: Int32 = bytes.withUnsafeBufferPointer { mine in
            guard common > 0, let left = mine.baseAddress, let right = keys.baseAddress else { return 0 }
            return memcmp(left, right + start, common)
        }
        if compared != 0 { return Int(compared) }
        return bytes.count - length
    }
}
