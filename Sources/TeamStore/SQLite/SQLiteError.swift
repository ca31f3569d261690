import CSQLite

/// A failure reported by SQLite, with its primary and extended result codes.
struct SQLiteError: Error, CustomStringConvertible {
    let code: Int32
    let extendedCode: Int32
    let message: String
    let sql: String?

    var description: String { message + (sql.map { " (in: \($0))" } ?? "") }

    var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    var isReadOnly: Bool { code == SQLITE_READONLY }
    var isNotADatabase: Bool { code == SQLITE_NOTADB || code == SQLITE_CORRUPT }
    var isCantOpen: Bool { code == SQLITE_CANTOPEN }
}
