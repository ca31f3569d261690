import CSQLite
import Foundation
import TeamCore

/// The one small layer over SQLite's C API: a connection with a statement
/// cache, parameter binding and immediate transactions.
///
/// Not thread-safe by design: each process owns one connection and uses it
/// from one thread, which also makes `PRAGMA data_version` meaningful.
final class SQLiteConnection {
    /// `immutable`: read-only media. SQLite then takes no locks and needs no
    /// -shm file (it could not create one there); nothing can change the file meanwhile.
    enum OpenMode { case readWrite, readWriteCreate, readOnly, immutable }

    private let handle: OpaquePointer
    private var cache: [String: OpaquePointer] = [:]
    let path: String

    /// How long a write waits for another operator's transaction (``BusyTimeout``);
    /// a value the front end would have refused means the default here.
    static var defaultBusyTimeoutMillis: Int32 {
        (try? BusyTimeout.millis().get()) ?? BusyTimeout.defaultMillis
    }

    init(path: String, mode: OpenMode, busyTimeoutMillis: Int32 = SQLiteConnection.defaultBusyTimeoutMillis) throws(SQLiteError) {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .immutable: flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        }
        var db: OpaquePointer?
        let name = mode == .immutable ? Self.immutableURI(path) : path
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc & 0xFF, extendedCode: rc, message: message, sql: nil)
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, busyTimeoutMillis)
    }

    /// `file:PATH?immutable=1`, with the characters a URI gives meaning to escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    deinit {
        for statement in cache.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
        waitContext?.release()
    }

    /// Set when the last lock wait was given up by the observer, not timed out.
    var waitWasCancelled: Bool { waitContext?.takeUnretainedValue().cancelled ?? false }
    private var waitContext: Unmanaged<LockWait>?

    /// Waits for another connection's lock in small steps, asking `observer`
    /// each time whether to go on (instead of SQLite's silent busy timeout).
    func watchLockWaits(_ observer: any LockWaitObserver, timeoutMillis: Int32 = SQLiteConnection.defaultBusyTimeoutMillis) {
        waitContext?.release()
        let context = Unmanaged.passRetained(LockWait(observer: observer, timeoutMillis: Int(timeoutMillis)))
        waitContext = context
        sqlite3_busy_handler(handle, { pointer, attempt in
            guard let pointer else { return 0 }
            return Unmanaged<LockWait>.fromOpaque(pointer).takeUnretainedValue().step(attempt: Int(attempt)) ? 1 : 0
        }, context.toOpaque())
    }

    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// The main database's file name as SQLite resolved it (symbolic links followed).
    var databaseFileName: String? { sqlite3_db_filename(handle, "main").map { String(cString: $0) } }

    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Virtual-machine steps run by this connection's statements so far: a
    /// measure of work that does not depend on the machine's speed (tests
    /// check that a command's cost does not grow with the workspace).
    private(set) var vmSteps: Int64 = 0

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs one or more statements without parameters (schema, pragmas).
    func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc & 0xFF, extendedCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Runs one statement and calls `row` for each result row.
    func query(_ sql: String, _ arguments: [any SQLBindable] = [],
               row: (Row) throws -> Void) throws {
        let statement = try prepared(sql)
        defer {
            vmSteps += Int64(sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_VM_STEP, 1))
            sqlite3_reset(statement); sqlite3_clear_bindings(statement)
        }
        try bind(arguments, to: statement, sql: sql)
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_ROW {
                try row(Row(statement: statement))
            } else if rc == SQLITE_DONE {
                return
            } else {
                throw error(rc, sql: sql)
            }
        }
    }

    /// Collects the mapped rows of one statement.
    func all<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ map: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try query(sql, arguments) { result.append(try map($0)) }
        return result
    }

    /// The first mapped row, if any.
    func first<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ map: (Row) throws -> T) throws -> T? {
        var result: T?
        try query(sql, arguments) { row in
            if result == nil { result = try map(row) }
        }
        return result
    }

    func scalarInt(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int64 {
        try first(sql, arguments) { $0.int(0) } ?? 0
    }

    /// Runs one statement for its effect.
    func run(_ sql: String, _ arguments: [any SQLBindable] = []) throws {
        try query(sql, arguments) { _ in }
    }

    /// `BEGIN IMMEDIATE` … `COMMIT`, rolled back if `body` throws.
    ///
    /// Taking the write lock up front means the busy timeout applies and a
    /// read-then-write inside `body` can never fail with SQLITE_BUSY_SNAPSHOT:
    /// what the guard read is what the write changes.
    func immediateTransaction<T>(_ body: () throws -> T) throws -> T {
        writeGeneration += 1
        inWriteTransaction = true
        defer {
            inWriteTransaction = false
            writeGeneration += 1
        }
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Changes whenever another connection commits to the file.
    func dataVersion() throws -> Int64 { try scalarInt("PRAGMA data_version") }

    /// Set while a write transaction is open: what it reads may yet be rolled back.
    private(set) var inWriteTransaction = false
    /// Moves when a write transaction begins and ends (committed or not).
    private(set) var writeGeneration: Int64 = 0

    /// Rows this connection has inserted, updated or deleted (triggers included).
    var totalChanges: Int64 { sqlite3_total_changes64(handle) }

    private func prepared(_ sql: String) throws(SQLiteError) -> OpaquePointer {
        if let statement = cache[sql] { return statement }
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc, sql: sql) }
        cache[sql] = statement
        return statement
    }

    private func bind(_ arguments: [any SQLBindable], to statement: OpaquePointer, sql: String) throws(SQLiteError) {
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch argument.sqlValue {
            case .null: rc = sqlite3_bind_null(statement, index)
            case .int(let value): rc = sqlite3_bind_int64(statement, index, value)
            case .text(let value): rc = sqlite3_bind_text(statement, index, value, -1, clerk_sqlite_transient())
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(statement, index, buffer.baseAddress, Int32(buffer.count), clerk_sqlite_transient())
                }
            }
            if rc != SQLITE_OK { throw error(rc, sql: sql) }
        }
    }

    private func error(_ rc: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: rc & 0xFF, extendedCode: sqlite3_extended_errcode(handle),
                    message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

/// One connection's lock wait: when it started, whether it was given up.
final class LockWait {
    let observer: any LockWaitObserver
    let timeoutMillis: Int
    private var started = Date()
    private(set) var cancelled = false

    init(observer: any LockWaitObserver, timeoutMillis: Int) {
        self.observer = observer; self.timeoutMillis = timeoutMillis
    }

    /// One call of SQLite's busy handler: true to try the lock again.
    func step(attempt: Int) -> Bool {
        if attempt == 0 {
            started = Date()
            cancelled = false
        }
        let elapsed = Int(Date().timeIntervalSince(started) * 1000)
        guard elapsed < timeoutMillis else { return false }
        guard observer.stillWaiting(elapsedMillis: elapsed) else {
            cancelled = true
            return false
        }
        usleep(20_000)
        return true
    }
}
