import TeamCore

/// Reading the change feed (schema 4, ChangeFeedTriggers): what an open
/// interface needs to bring itself up to date after another process's commit.
extension SQLiteWorkspace {
    /// More records than this after a mark: reading everything again is cheaper.
    static let feedLimit = 512

    public func changeMark() throws -> ChangeMark {
        try reading { try currentMark() }
    }

    public func changes(after mark: ChangeMark) throws -> ChangeFeed {
        try requireSameFile(nothingWritten: true)
        return try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let now = try currentMark()
            guard now.epoch == mark.epoch else { return .reload(next: now, reason: "another workspace file's history") }
            guard now.schema == mark.schema else { return .reload(next: now, reason: "the schema changed") }
            guard now.seq >= mark.seq else { return .reload(next: now, reason: "the history went back (restored?)") }
            var set = ChangeSet()
            set.lastAuditID = try db.scalarInt("SELECT coalesce(max(id), 0) FROM audit")
            guard now.seq > mark.seq else { return .changes(set, next: now) }
            guard now.seq - mark.seq <= Self.feedLimit else { return .reload(next: now, reason: "many changes") }
            var expected = mark.seq + 1, unknown: String?
            try db.query("SELECT seq, kind, row_id FROM changes WHERE seq > ? ORDER BY seq", [mark.seq]) { row in
                let seq = row.int(0)
                // Consecutive unless records were pruned in between.
                if seq != expected { unknown = unknown ?? "records missing after \(expected - 1)" }
                expected = seq + 1
                switch row.text(1) {
                case "member": set.members.insert(row.int(2))
                case "inbox": set.inboxes = true
                case "invitation": set.invitations = true
                case "group", "override", "roles", "workspace": set.permissions = true
                case "contact": set.contacts = true
                case "message": set.messages = true
                case let kind: unknown = unknown ?? "a change of kind '\(kind)'"
                }
            }
            if expected != now.seq + 1 { unknown = unknown ?? "records missing before \(now.seq)" }
            if let unknown { return .reload(next: now, reason: unknown) }
            return .changes(set, next: now)
        }
    }

    /// The members' places in the list for `sort`; ids no longer there are left out.
    public func memberIndexEntries(_ ids: [MemberID], sort: MemberSort) throws -> [MemberIndexEntry] {
        guard !ids.isEmpty else { return [] }
        return try reading {
            let op = try resolveOperator()
            try check(.readWorkspace, op)
            let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
            return try db.all("""
                SELECT id, sort_name, email, \(Self.groupColumn(sort)) FROM members
                WHERE id IN (SELECT value FROM json_each(?))
                """, [list]) { row in
                MemberIndexEntry(id: row.int(0), foldedName: row.text(1), email: row.text(2), group: UInt8(row.int(3)))
            }
        }
    }

    private func currentMark() throws -> ChangeMark {
        let epoch = try db.first("SELECT epoch FROM change_feed WHERE id = 1") { $0.optionalBlob(0) }.flatMap { $0 } ?? []
        return ChangeMark(epoch: epoch, seq: try db.scalarInt("SELECT coalesce(max(seq), 0) FROM changes"),
                          schema: try db.scalarInt("PRAGMA schema_version"))
    }
}
