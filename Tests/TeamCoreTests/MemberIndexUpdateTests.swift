import Testing
@testable import TeamCore

/// Updating a few rows in place leaves exactly the index built from scratch
/// in the same order (single moves up and down, several at once, removals,
/// new rows), in every sort.
@Suite(.timeLimit(.minutes(10))) struct MemberIndexUpdateTests {
    static let names = ["ana", "émile", "zoë", "美咲", "ólafur", "aaron", "zelda", "an", "ana b", "ümit"]

    @Test(arguments: MemberSort.allCases)
    func inPlaceUpdatesEqualARebuiltIndex(sort: MemberSort) {
        var random = TestRandom(seed: 42 &+ UInt64(sort.hashValue & 0xFF))
        var truth: [MemberID: MemberIndexEntry] = [:]
        for id in 1...60 { truth[Int64(id)] = Self.entry(Int64(id), &random, sort) }
        var index = Self.built(truth, sort)
        for step in 0..<400 {
            var changed: Set<MemberID> = []
            switch random.next(4) {
            case 0, 1: // one member edited: moves up, down or stays
                let id = Int64(1 + random.next(80))
                changed = [id]
                if truth[id] != nil || random.next(2) == 0 { truth[id] = Self.entry(id, &random, sort) }
            case 2: // several at once
                for _ in 0..<(2 + random.next(4)) {
                    let id = Int64(1 + random.next(80))
                    changed.insert(id)
                    truth[id] = random.next(3) == 0 ? nil : Self.entry(id, &random, sort)
                }
            default: // removed
                let id = Int64(1 + random.next(80))
                changed = [id]
                truth[id] = nil
            }
            index.update(changed, with: changed.compactMap { truth[$0] }, sort: sort)
            #expect(index == Self.built(truth, sort), "step \(step), \(sort)")
        }
    }

    static func entry(_ id: MemberID, _ random: inout TestRandom, _ sort: MemberSort) -> MemberIndexEntry {
        let name = names[random.next(names.count)] + (random.next(2) == 0 ? "" : " \(random.next(30))")
        let group: UInt8 = switch sort {
        case .name, .email: 0
        case .role: UInt8(random.next(5))
        case .status: UInt8(random.next(2))
        }
        return MemberIndexEntry(id: id, foldedName: name, email: "m\(id)-\(random.next(1000))@x.test", group: group)
    }

    /// The order the store's queries give: BINARY collation, ties by id.
    static func built(_ entries: [MemberID: MemberIndexEntry], _ sort: MemberSort) -> MemberIndex {
        let ordered = entries.values.sorted { a, b in
            if sort == .email { return Array(a.email.utf8).lexicographicallyPrecedes(Array(b.email.utf8)) }
            if a.group != b.group { return a.group < b.group }
            let left = Array(a.foldedName.utf8), right = Array(b.foldedName.utf8)
            return left == right ? a.id < b.id : left.lexicographicallyPrecedes(right)
        }
        var index = MemberIndex()
        for entry in ordered { index.appendFolded(id: entry.id, foldedName: entry.foldedName, email: entry.email, group: entry.group) }
        return index
    }
}
