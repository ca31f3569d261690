import Foundation
import TeamCore
#if canImport(Glibc)
import Glibc
#endif

/// Opening and creating workspace files, with the checks that turn SQLite's
/// terse failures into sentences a person can act on.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    /// As presence entries name the file an interface has open.
    var presenceName: String { "\(device):\(inode)" }
}

/// A file at the path that replaced one other interfaces still have open (see
/// ``WorkspaceFile/requireNoOneHoldsAnEarlierFile(_:path:)``).
struct OldFileStillOpen: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

enum WorkspaceFile {
    /// Opens an existing workspace; never creates one. A `readOnly` open
    /// leaves the file exactly as it is: no journal-mode switch, no upgrade.
    /// `admit` sees the connection before anything is read or upgraded
    /// (the `--as` rule refuses there, leaving the file untouched).
    static func open(path: String, readOnly: Bool, admit: (SQLiteConnection) throws -> Void = { _ in }) throws -> SQLiteConnection {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TeamError.storage("no workspace at \(path); create one with 'clerk-team init' or point --db at an existing file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw TeamError.storage("cannot read workspace \(path): permission denied")
        }
        let connection: SQLiteConnection
        do {
            // Reading opens read-only, so it cannot change the file by accident;
            // on read-only media `immutable`, without which SQLite cannot read a WAL file there.
            let mode: SQLiteConnection.OpenMode = !readOnly ? .readWrite : isOnReadOnlyMedium(path) ? .immutable : .readOnly
            connection = try SQLiteConnection(path: path, mode: mode)
        } catch {
            throw describe(error, path: path)
        }
        try admit(connection)
        try requireNoOneHoldsAnEarlierFile(connection, path: path)
        try prepare(connection, path: path, readOnly: readOnly)
        return connection
    }

    /// Refuses to read a file that replaced one still open elsewhere. SQLite
    /// names its write-ahead log after the path, not the file: while an
    /// interface keeps the old file open, `PATH-wal` is the old file's log,
    /// and reading the new file through it would mix the two (silently: both
    /// pass an integrity check). Interfaces let go of a replaced file within
    /// a second of noticing; the last to let go removes its log.
    static func requireNoOneHoldsAnEarlierFile(_ connection: SQLiteConnection, path: String) throws {
        guard let mine = connection.openedFile()?.identity.presenceName else { return }
        let holders = PresenceBoard(workspacePath: path, groupShared: false).othersNow()
            .filter { $0.file != nil && $0.file != mine }
        guard !holders.isEmpty else { return }
        let who = Set(holders.map(\.login)).sorted().joined(separator: ", ")
        throw OldFileStillOpen(message: "\(path) was replaced while \(holders.count == 1 ? "an interface" : "\(holders.count) interfaces") "
            + "(\(who)) still had the file that was there before; its write-ahead log is theirs until they let go "
            + "of it (within a second of noticing). Try again in a moment")
    }

    /// Creates a new, empty workspace file (schema only). Refuses to touch an existing one.
    static func create(path: String) throws -> SQLiteConnection {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw TeamError.storage("cannot create folder \(directory): \(error.localizedDescription)")
        }
        let mode: mode_t = isGroupShared(directory: directory) ? 0o660 : 0o600
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        if fd < 0 {
            if errno == EEXIST {
                throw TeamError.conflict("a file already exists at \(path); refusing to overwrite it")
            }
            throw TeamError.storage("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        // The umask may have narrowed the mode; a group-shared folder needs group rw.
        fchmod(fd, mode)
        close(fd)
        do {
            let connection = try SQLiteConnection(path: path, mode: .readWrite)
            try connection.execute("PRAGMA journal_mode = WAL")
            try connection.execute("PRAGMA application_id = \(Schema.applicationID)")
            try prepare(connection, path: path, readOnly: false)
            return connection
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            if let teamError = error as? TeamError { throw teamError }
            throw describe(error, path: path)
        }
    }

    /// True when the file system holding `path` is mounted read-only
    /// (a CD, a read-only snapshot or bind mount): nobody can be writing to it.
    static func isOnReadOnlyMedium(_ path: String) -> Bool {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return false }
        return info.f_flag & UInt(ST_RDONLY) != 0
    }

    /// A folder with the set-group-ID bit is the usual sign of a folder shared
    /// by a group of operators: files made there must be group-writable.
    static func isGroupShared(directory: String) -> Bool {
        var info = stat()
        guard stat(directory, &info) == 0 else { return false }
        return info.st_mode & S_ISGID != 0
    }

    /// True if the file at `path` sits in a group-shared folder (its mail spool
    /// beside it must then be shared with the group too).
    static func isInGroupSharedFolder(path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return isGroupShared(directory: folder.isEmpty ? "." : folder)
    }

    /// Which file a path names now (device and inode): a file replaced under
    /// the same name has another. nil when there is none.
    static func identity(path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// `secure_delete` overwrites deleted rows with zeros, so a deleted
    /// message's text does not linger in the file's free space.
    private static func prepare(_ connection: SQLiteConnection, path: String, readOnly: Bool) throws {
        do {
            try connection.execute("""
                PRAGMA foreign_keys = ON;
                PRAGMA synchronous = FULL;
                PRAGMA trusted_schema = OFF;
                PRAGMA secure_delete = ON;
                """)
            let applicationID = try connection.scalarInt("PRAGMA application_id")
            let version = try connection.scalarInt("PRAGMA user_version")
            if applicationID != Schema.applicationID {
                throw TeamError.storage("\(path) is not a clerk-team workspace")
            }
            if version > Schema.currentVersion {
                throw TeamError.storage(
                    "\(path) was written by a newer clerk-team (schema \(version); this one knows up to \(Schema.currentVersion)); upgrade clerk-team to open it")
            }
            let journal = try connection.first("PRAGMA journal_mode") { $0.text(0) } ?? ""
            if journal.lowercased() != "wal" && !connection.isReadOnly && !readOnly {
                try connection.execute("PRAGMA journal_mode = WAL")
            }
            if version < Schema.currentVersion {
                if connection.isReadOnly && !readOnly {
                    throw TeamError.storage("\(path) needs an upgrade but is read-only for you")
                }
                if readOnly {
                    throw TeamError.storage(
                        "\(path) needs an upgrade (schema \(version) to \(Schema.currentVersion)) before it can be read, and reading never changes a file; any command that changes the workspace upgrades it (or open the full-screen interface without --read-only)")
                }
                try migrate(connection)
            }
        } catch let error as TeamError {
            throw error
        } catch {
            throw describe(error, path: path)
        }
    }

    private static func migrate(_ connection: SQLiteConnection) throws {
        try connection.immediateTransaction {
            // Another process may have migrated while we waited for the lock.
            let version = Int(try connection.scalarInt("PRAGMA user_version"))
            for index in version..<Schema.migrations.count {
                try connection.execute(Schema.migrations[index])
                try connection.execute("PRAGMA user_version = \(index + 1)")
            }
            // Rows from before the chain (schema 2) are sealed as of this upgrade.
            if version < 2 { try AuditChain.sealUnsealed(connection) }
        }
    }

    /// Turns a SQLite failure into a sentence naming the file.
    static func describe(_ error: any Error, path: String) -> TeamError {
        if let teamError = error as? TeamError { return teamError }
        guard let sqlite = error as? SQLiteError else {
            return .storage("workspace \(path): \(error)")
        }
        if sqlite.isNotADatabase {
            return .storage("\(path) is not a clerk-team workspace (not a SQLite database, or corrupt)")
        }
        if sqlite.isReadOnly {
            return .storage("workspace \(path) is read-only for you; nothing was changed")
        }
        if sqlite.isBusy {
            return .storage("workspace \(path) is locked by another process; waited \(Double(SQLiteConnection.defaultBusyTimeoutMillis) / 1000) s, nothing was changed; try again")
        }
        if sqlite.isCantOpen {
            return .storage("cannot open workspace \(path) (check the file and its folder are readable and writable)")
        }
        return .storage("workspace \(path): \(sqlite.message)")
    }
}
