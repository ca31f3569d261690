import CSQLite
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file behind a connection, as the kernel has it open: device, inode
/// and owner read with `fstat` on SQLite's own descriptor. A path can be
/// pointed elsewhere (a symbolic link swapped) between a `stat` and an
/// `open`; the descriptor cannot.
struct OpenedFile: Equatable {
    let identity: FileIdentity
    let owner: uid_t
}

extension SQLiteConnection {
    /// The main database file SQLite opened, found among this process's
    /// descriptors by the name SQLite resolved it to (symbolic links
    /// followed). nil when that cannot be told for sure (no /proc, or two
    /// descriptors under that name that are different files).
    func openedFile() -> OpenedFile? {
        guard let name = databaseFileName, !name.isEmpty, let files = Self.filesOpen(as: name) else { return nil }
        let distinct = Set(files.map { "\($0.identity.presenceName):\($0.owner)" })
        return distinct.count == 1 ? files.first : nil
    }

    /// The identity of SQLite's `-wal` or `-shm` file as this connection has it
    /// open (by name among this process's descriptors), nil when none is open.
    func openedSidecar(_ suffix: String) -> FileIdentity? {
        guard let name = databaseFileName, !name.isEmpty else { return nil }
        return Self.filesOpen(as: name + suffix)?.first?.identity
    }

    /// Every file this process has open under `name` (one per descriptor), from
    /// /proc/self/fd; nil without /proc.
    private static func filesOpen(as name: String) -> [OpenedFile]? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
        return entries.compactMap { entry -> OpenedFile? in
            guard let fd = Int32(entry), linkTarget(fd) == name else { return nil }
            var info = stat()
            // Checked again after fstat: the number may have been closed and reused meanwhile.
            guard fstat(fd, &info) == 0, linkTarget(fd) == name else { return nil }
            return OpenedFile(identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), owner: info.st_uid)
        }
    }

    private static func linkTarget(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(fd)", &buffer, Int(PATH_MAX))
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
