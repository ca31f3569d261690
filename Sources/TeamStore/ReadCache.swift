import TeamCore

/// What reads resolve again and again (who the operator is, with their
/// permissions, and the guard's lock-out facts), kept while nothing can
/// have changed them: no other process committed (`data_version`), this
/// connection changed no row and ran no write transaction. An open
/// interface asks several times a second, and a hundred of them share one
/// host; each resolution is a dozen queries. Never used inside a write
/// transaction, whose reads may yet be rolled back.
struct ReadCache {
    struct Stamp: Equatable {
        let version: Int64
        let changes: Int64
        let writes: Int64
    }

    var stamp: Stamp
    var operatorContext: OperatorContext?
    var facts: WorkspaceFacts?
}

extension SQLiteWorkspace {
    /// The stamp now, or nil when nothing may be kept (inside a write).
    func readStamp() throws -> ReadCache.Stamp? {
        guard !db.inWriteTransaction else { return nil }
        return ReadCache.Stamp(version: try db.dataVersion(), changes: db.totalChanges, writes: db.writeGeneration)
    }

    /// `compute`'s answer, kept under the stamp read before it ran (a commit
    /// in between makes the stamp older than the answer: it is then read again).
    func cached<T>(_ field: WritableKeyPath<ReadCache, T?>, _ compute: () throws -> T) throws -> T {
        guard let stamp = try readStamp() else { return try compute() }
        if let cache = readCache, cache.stamp == stamp, let value = cache[keyPath: field] { return value }
        let value = try compute()
        if readCache?.stamp != stamp { readCache = ReadCache(stamp: stamp) }
        readCache?[keyPath: field] = value
        return value
    }
}
