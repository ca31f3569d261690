import Foundation
import TeamCore
#if canImport(Glibc)
import Glibc
#endif

/// Messages queued by one write transaction, written to the spool as one
/// file just before the transaction commits (one write and one fsync
/// whatever the number of mails, so a 10k-row import stays fast).
public final class SpoolBatch {
    /// Random, so a name is never reused even after a rolled-back transaction.
    public let fileName: String
    private(set) var bytes: [UInt8] = []

    public init() {
        var generator = SystemRandomNumberGenerator()
        fileName = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            .joined() + ".spool"
    }

    public var isEmpty: Bool { bytes.isEmpty }

    /// Appends one message; returns where it sits in the file.
    public func append(_ message: String) -> (offset: Int64, length: Int64) {
        let offset = Int64(bytes.count)
        bytes.append(contentsOf: message.utf8)
        return (offset, Int64(bytes.count) - offset)
    }
}

/// The spool folder beside the workspace file (`<workspace>-outbox/`). It
/// holds the queued messages, tokens included, so the database never does.
///
/// Files are 0600: only the login that queued a mail (or the superuser)
/// can read it, even when the workspace file is shared by a group.
public struct Spool: Sendable {
    public let directory: String
    /// The workspace's folder is shared by a group (set-group-ID), so the
    /// spool folder must let every operator of the group queue mail.
    let groupShared: Bool

    public init(workspacePath: String, groupShared: Bool) {
        directory = workspacePath + "-outbox"
        self.groupShared = groupShared
    }

    public func path(_ fileName: String) -> String { directory + "/" + fileName }

    /// Writes a batch durably (file and folder fsynced) before its rows commit.
    public func write(_ batch: SpoolBatch) throws {
        try ensureDirectory()
        let file = path(batch.fileName)
        let fd = open(file, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create \(file)") }
        defer { close(fd) }
        var written = 0
        let ok = batch.bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        guard ok, fsync(fd) == 0 else {
            let error = failure("cannot write \(file)")
            unlink(file)
            throw error
        }
        syncDirectory()
    }

    /// Overwrites a delivered message with zeros, so its token does not
    /// linger while other mails of the same batch wait. Best effort.
    public func erase(_ fileName: String, offset: Int64, length: Int64) {
        // O_NONBLOCK and a regular file only: a FIFO swapped in must not hang us.
        let fd = open(path(fileName), O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        let zeros = [UInt8](repeating: 0, count: Int(length))
        _ = zeros.withUnsafeBytes { pwrite(fd, $0.baseAddress, Int(length), off_t(offset)) }
        fsync(fd)
    }

    public func remove(_ fileName: String) { unlink(path(fileName)) }

    /// Names of the spool files present.
    public func fileNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".spool") }
    }

    /// 0700, or 2770 when the workspace folder is group-shared (set-group-ID),
    /// so every operator of the group can queue mail; files stay 0600.
    private func ensureDirectory() throws {
        var info = stat()
        if lstat(directory, &info) != 0 {
            let mode: mode_t = groupShared ? 0o2770 : 0o700
            if mkdir(directory, mode) != 0 && errno != EEXIST {
                throw failure("cannot create the mail spool \(directory)")
            }
            chmod(directory, mode)
        }
        try checkFolder()
    }

    /// Checked on every use, writing and reading: whoever can write the
    /// folder can replace a queued message (see ``SpoolFolderRule``).
    public func checkFolder() throws {
        var info = stat()
        guard lstat(directory, &info) == 0 else { return }
        let workspaceFolder = (directory as NSString).deletingLastPathComponent
        var parent = stat()
        let sharedGroup: gid_t? = groupShared && stat(workspaceFolder.isEmpty ? "." : workspaceFolder, &parent) == 0
            ? parent.st_gid : nil
        if let problem = SpoolFolderRule.problem(isFolder: info.st_mode & S_IFMT == S_IFDIR, owner: info.st_uid,
                                                 group: info.st_gid, mode: info.st_mode, runningAs: geteuid(),
                                                 sharedGroup: sharedGroup) {
            throw TeamError.storage("mail spool \(directory) \(problem); no mail was queued or sent from it")
        }
    }

    private func syncDirectory() {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private func failure(_ what: String) -> TeamError {
        TeamError.storage("\(what): \(String(cString: strerror(errno))); nothing was changed")
    }
}
