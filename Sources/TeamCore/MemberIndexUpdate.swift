import Foundation

/// Bringing a few rows of the index up to date in place, for the change
/// feed: a rename re-sorts one row instead of reading 100k again.
extension MemberIndex {
    /// Removes the rows of `ids`, then puts each of `entries` (those still
    /// existing, whose ids are in `ids`) where `sort` orders it, exactly
    /// where the store's query for that sort would (``MemberSort`` orders).
    public mutating func update(_ ids: Set<MemberID>, with entries: [MemberIndexEntry], sort: MemberSort) {
        // The usual change (one member edited) moves just the rows between its old and new place.
        if ids.count == 1, entries.count == 1, let entry = entries.first, ids.contains(entry.id),
           let row = position(of: entry.id) {
            move(row, to: entry, sort: sort)
            return
        }
        remove(ids)
        for entry in entries where ids.contains(entry.id) {
            insert(entry, at: insertionPoint(of: entry, sort: sort))
        }
    }

    /// The row of `id`, if it is in the index.
    public func position(of id: MemberID) -> Int? { ids.firstIndex(of: id) }

    /// Row `row` becomes `entry`, at its place in `sort`: the rows between
    /// the old and the new place shift by one, the bytes after them by the
    /// difference in key length (not at all for a same-length key).
    private mutating func move(_ row: Int, to entry: MemberIndexEntry, sort: MemberSort) {
        let key = Array(entry.foldedName.utf8) + [1] + Array(entry.email.utf8)
        let found = insertionPoint(of: entry, sort: sort)
        // Where it goes once its old row is gone.
        let target = found > row ? found - 1 : found
        let oldStart = Int(offsets[row]), oldEnd = Int(offsets[row + 1])
        let delta = Int32(key.count - (oldEnd - oldStart))
        if target <= row {
            let start = Int(offsets[target])
            keys.replaceSubrange(start..<oldEnd, with: key + keys[start..<oldStart])
            for index in stride(from: row, to: target, by: -1) {
                ids[index] = ids[index - 1]; groups[index] = groups[index - 1]
                offsets[index] = offsets[index - 1] + Int32(key.count)
            }
        } else {
            let end = Int(offsets[target + 1])
            keys.replaceSubrange(oldStart..<end, with: keys[oldEnd..<end] + key)
            let oldLength = Int32(oldEnd - oldStart)
            for index in row..<target {
                ids[index] = ids[index + 1]; groups[index] = groups[index + 1]
                offsets[index] = offsets[index + 1] - oldLength
            }
            offsets[target] = offsets[target + 1] - oldLength
        }
        ids[target] = entry.id
        groups[target] = entry.group
        if delta != 0 { shiftOffsets(from: max(row, target) + 1, by: delta) }
    }

    /// In place, row by row from the last: a few memmoves instead of a
    /// rebuilt 100k-row index (the feed names a few rows at a time).
    private mutating func remove(_ removed: Set<MemberID>) {
        let rows = removed.compactMap { ids.firstIndex(of: $0) }.sorted(by: >)
        for row in rows {
            let start = Int(offsets[row]), end = Int(offsets[row + 1])
            ids.remove(at: row)
            groups.remove(at: row)
            keys.removeSubrange(start..<end)
            offsets.remove(at: row + 1)
            shiftOffsets(from: row + 1, by: Int32(start - end))
        }
    }

    private mutating func insert(_ entry: MemberIndexEntry, at row: Int) {
        let key = Array(entry.foldedName.utf8) + [1] + Array(entry.email.utf8)
        let start = Int(offsets[row])
        ids.insert(entry.id, at: row)
        groups.insert(entry.group, at: row)
        keys.insert(contentsOf: key, at: start)
        offsets.insert(Int32(start), at: row)
        shiftOffsets(from: row + 1, by: Int32(key.count))
    }

    private mutating func shiftOffsets(from first: Int, by delta: Int32) {
        offsets.withUnsafeMutableBufferPointer { offsets in
            for index in first..<offsets.count { offsets[index] += delta }
        }
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
