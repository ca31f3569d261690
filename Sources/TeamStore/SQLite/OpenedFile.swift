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
        guard let name = databaseFileName, !name.isEmpty,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
        var found: OpenedFile?
        for entry in entries {
            guard let fd = Int32(entry), Self.linkTarget(fd) == name else { continue }
            var info = stat()
            // Checked again after fstat: the number may have been closed and reused meanwhile.
            guard fstat(fd, &info) == 0, Self.linkTarget(fd) == name else { continue }
            let file = OpenedFile(identity: FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
                                  owner: info.st_uid)
            if let found, found != file { return nil }
            found = file
        }
        return found
    }

    /// The identity of SQLite's `-wal` or `-shm` file as this connection has it
    /// open (by name among this process's descriptors), nil when none is open.
    func openedSidecar(_ suffix: String) -> FileIdentity? {
        guard let name = databaseFileName, !name.isEmpty,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
        for entry in entries {
            guard let fd = Int32(entry), Self.linkTarget(fd) == name + suffix else { continue }
            var info = stat()
            guard fstat(fd, &info) == 0 else { continue }
            return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }
        return nil
    }

    private static func linkTarget(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(fd)", &buffer, Int(PATH_MAX))
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
