import Foundation
import TeamCore
#if canImport(Glibc)
import Glibc
#endif

/// The config file names a command to run with the operator's rights (and
/// root's, for a cron flush). Like ssh with its config, a file someone else
/// could have written is refused rather than obeyed.
extension ClerkConfig {
    /// Why a file with this owner and mode must not be trusted by `runningAs`,
    /// or nil. Root's own files are trusted by everyone (an admin's shared config).
    public static func trustProblem(owner: uid_t, mode: mode_t, runningAs: uid_t) -> String? {
        if owner != runningAs && owner != 0 {
            return "is owned by uid \(owner), not by you (uid \(runningAs)) or root"
        }
        if mode & (S_IWGRP | S_IWOTH) != 0 {
            return "is writable by \(mode & S_IWOTH != 0 ? "everyone" : "its group"), not only by its owner"
        }
        return nil
    }

    /// The file's bytes, checked on the descriptor they are read from, so the
    /// file cannot be swapped between the check and the read.
    static func readTrusted(_ path: String) throws(TeamError) -> Data {
        func refused(_ message: String) -> TeamError {
            TeamError.invalid(ValidationError(field: "config", message: message))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw refused("cannot read \(path): \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw refused("\(path) is not a regular file")
        }
        if let problem = trustProblem(owner: info.st_uid, mode: info.st_mode, runningAs: geteuid()) {
            let fix = info.st_uid != geteuid() && info.st_uid != 0
                ? "chown \(geteuid()) \(path) (or use your own config file)" : "chmod go-w \(path)"
            throw refused("\(path) \(problem); it names a command to run, so it is not used. Fix: \(fix)")
        }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw refused("cannot read \(path): \(error.localizedDescription)")
        }
    }
}
