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
    public private(set) var ids: [MemberID]
    /// Folded "name\u{1}email" of every row, back to back.
    private var keys: [UInt8]
    /// Row i's key is keys[offsets[i] ..< offsets[i + 1]].
    private var offsets: [Int32]

    public init() {
        ids = []; keys = []; offsets = [0]
    }

    public var count: Int { ids.count }

    /// Appends a row; `name` and `email` are folded here.
    public mutating func append(id: MemberID, name: String, email: String) {
        appendFolded(id: id, foldedName: SearchKey.fold(name), email: email)
    }

    /// Appends a row whose name is already folded with ``SearchKey/fold(_:)``
    /// (the store keeps it folded), avoiding a second fold per row.
    public mutating func appendFolded(id: MemberID, foldedName: String, email: String) {
        ids.append(id)
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
                func matches(_ row: Int) -> Bool {
                    let start = Int(offsets[row]), end = Int(offsets[row + 1])
                    return Self.contains(haystack, start, end, needle)
                }
                if let within {
                    for row in within where matches(row) { result.append(row) }
                } else {
                    for row in 0..<ids.count where matches(row) { result.append(row) }
                }
            }
        }
        return result
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                 _ needle: [UInt8]) -> Bool {
        let length = needle.count
        guard end - start >= length, let first = needle.first else { return false }
        var index = start
        let last = end - length
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < length && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == length { return true }
            }
            index += 1
        }
        return false
    }
}

/// The one folding used for sorting and searching names: case- and
/// accent-insensitive, so "zoe" finds "Zoë" and "jose" finds "José".
public enum SearchKey {
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
