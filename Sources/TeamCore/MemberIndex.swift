import Foundation

/// How the member list is ordered.
public enum MemberSort: String, Sendable, CaseIterable, Equatable {
    case name, email, role, status

    /// The next order, for a key that cycles through them.
    public var next: MemberSort {
        let all = MemberSort.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}

/// The whole member list as an order of ids plus one compact search text per
/// row, so that a 100k-member team can be scrolled and filtered per
/// keystroke without touching the database or allocating a string per row.
public struct MemberIndex: Sendable, Equatable {
    public internal(set) var ids: [MemberID]
    /// Folded "name\u{1}email" of every row, back to back.
    var keys: [UInt8]
    /// Row i's key is keys[offsets[i] ..< offsets[i + 1]].
    var offsets: [Int32]
    /// What orders rows before their names in the role and status sorts.
    var groups: [UInt8]

    public init() {
        ids = []; keys = []; offsets = [0]; groups = []
    }

    public var count: Int { ids.count }

    /// Appends a row; `name` and `email` are folded here.
    public mutating func append(id: MemberID, name: String, email: String) {
        appendFolded(id: id, foldedName: SearchKey.fold(name), email: email)
    }

    /// Appends a row whose name is already folded with ``SearchKey/fold(_:)``
    /// (the store keeps it folded), avoiding a second fold per row.
    public mutating func appendFolded(id: MemberID, foldedName: String, email: String, group: UInt8 = 0) {
        ids.append(id)
        groups.append(group)
        keys.append(contentsOf: foldedName.utf8)
        keys.append(1)
        keys.append(contentsOf: email.utf8)
        offsets.append(Int32(keys.count))
    }

    /// Positions (into ``ids``) of rows whose name or email contains `query`,
    /// case- and accent-insensitively. Searching only `within` (a previous,
    /// wider result) makes each further keystroke cheaper.
    public func positions(matching query: String, within: [Int]? = nil) -> [Int] {
        let needle = Array(SearchKey.fold(query).utf8)
        guard !needle.isEmpty else { return within ?? Array(ids.indices) }
        var result: [Int] = []
        keys.withUnsafeBufferPointer { haystack in
            offsets.withUnsafeBufferPointer { offsets in
                needle.withUnsafeBufferPointer { needle in
                    let search = Search(needle: needle, anchor: Self.anchor(needle, haystack))
                    if let within {
                        for row in within
                        where search.first(in: haystack, from: Int(offsets[row]), to: Int(offsets[row + 1])) != nil {
                            result.append(row)
                        }
                    } else {
                        Self.scan(haystack, offsets, search) { result.append($0) }
                    }
                }
            }
        }
        return result
    }

    /// Every row whose key contains the needle, in order: one pass over all
    /// the keys (they lie back to back), going on at the next row after a hit;
    /// a hit that runs past the end of its row's key is no hit.
    private static func scan(_ haystack: UnsafeBufferPointer<UInt8>, _ offsets: UnsafeBufferPointer<Int32>,
                             _ search: Search, _ found: (Int) -> Void) {
        var from = 0, row = 0
        while let at = search.first(in: haystack, from: from, to: haystack.count) {
            while Int(offsets[row + 1]) <= at { row += 1 }
            let end = Int(offsets[row + 1])
            if at + search.needle.count <= end {
                found(row)
                from = end
                row += 1
            } else {
                from = at + 1
            }
        }
    }

    /// The needle's byte that is rarest in a sample of the keys (64 KiB
    /// spread over them), so that `memchr` for it skips far: for "ana" in
    /// names and emails, 'n' rather than 'a'.
    private static func anchor(_ needle: UnsafeBufferPointer<UInt8>, _ haystack: UnsafeBufferPointer<UInt8>) -> Int {
        guard needle.count > 1 else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        counts.withUnsafeMutableBufferPointer { counts in
            let chunk = 1024
            let step = max(chunk, haystack.count / 64)
            var start = 0
            while start < haystack.count {
                for index in start..<min(haystack.count, start + chunk) { counts[Int(haystack[index])] += 1 }
                start += step
            }
        }
        var best = 0
        for index in 1..<needle.count where counts[Int(needle[index])] < counts[Int(needle[best])] { best = index }
        return best
    }

    /// A substring search: `memchr` for the anchor byte, then the needle
    /// compared in place around it (needles are short).
    private struct Search {
        let needle: UnsafeBufferPointer<UInt8>
        /// Index into `needle` of the byte `memchr` looks for.
        let anchor: Int

        /// The first index in `from..<to` where the whole needle (not empty) starts.
        func first(in haystack: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
            guard let base = haystack.baseAddress, let pattern = needle.baseAddress else { return nil }
            let length = needle.count
            let key = Int32(pattern[anchor])
            var start = from
            while to - start >= length {
                // Starts from `start` to `to - length` put the anchor byte at `start + anchor` onwards.
                guard let hit = memchr(base + start + anchor, key, to - start - length + 1) else { return nil }
                start = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - anchor
                var offset = 0
                while offset < length && base[start + offset] == pattern[offset] { offset += 1 }
                if offset == length { return start }
                start += 1
            }
            return nil
        }
    }
}

/// The one folding used for sorting and searching names: case- and
/// accent-insensitive, so "zoe" finds "Zoë" and "jose" finds "José".
public enum SearchKey {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
