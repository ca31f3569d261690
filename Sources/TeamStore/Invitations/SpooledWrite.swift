import TeamMail

extension SQLiteWorkspace {
    /// A write transaction whose queued mails are spooled (written and
    /// fsynced) just before commit, and whose spool file is removed again if
    /// the commit does not happen: the rows and the messages they point to
    /// exist together or not at all.
    func writingWithSpool<T>(_ body: (SpoolBatch) throws -> T) throws -> T {
        let batch = SpoolBatch()
        var written = false
        do {
            return try writing {
                let result = try body(batch)
                if !batch.isEmpty {
                    try spool.write(batch)
                    written = true
                }
                return result
            }
        } catch {
            if written { spool.remove(batch.fileName) }
            throw error
        }
    }
}
