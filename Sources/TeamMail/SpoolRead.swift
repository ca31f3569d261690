import TeamCore
#if canImport(Glibc)
import Glibc
#endif

/// What reading one queued message from the spool found.
public enum SpoolRead: Equatable {
    case message([UInt8])
    /// The file or its bytes are gone (deleted, or erased after sending).
    case missing
    /// The file is not what was queued there: not a regular file, someone
    /// else's, or writable by others. Never sent.
    case refused(String)
}

extension Spool {
    /// One message's bytes, read only from a regular file owned by one of
    /// `owners` and writable by nobody else, decided on the descriptor that
    /// is read. `O_NONBLOCK`: a FIFO put in a message's place is refused at
    /// once instead of hanging the reader.
    public func read(_ fileName: String, offset: Int64, length: Int64, owners: Set<uid_t>) throws -> SpoolRead {
        try checkFolder()
        let fd = open(path(fileName), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return .missing }
            if errno == ELOOP { return .refused("\(fileName) is a symbolic link") }
            throw TeamError.storage("cannot read \(path(fileName)): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .refused("cannot inspect \(fileName)") }
        guard info.st_mode & S_IFMT == S_IFREG else { return .refused("\(fileName) is not a regular file") }
        guard owners.contains(info.st_uid) else {
            return .refused("\(fileName) belongs to uid \(info.st_uid), not to the login that queued it")
        }
        guard info.st_mode & (S_IWGRP | S_IWOTH) == 0 else { return .refused("\(fileName) is writable by others") }
        guard length >= 0, offset >= 0, offset + length <= Int64(info.st_size) else { return .refused("\(fileName) is too short") }
        var buffer = [UInt8](repeating: 0, count: Int(length))
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, Int(length), off_t(offset)) }
        guard count == Int(length), buffer.contains(where: { $0 != 0 }) else { return .missing }
        return .message(buffer)
    }
}
