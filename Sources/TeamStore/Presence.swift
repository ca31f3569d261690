import Foundation
import TeamCore
#if canImport(Glibc)
import Glibc
#endif

/// Who has the workspace open, without a database write: one small file per
/// open interface in `<workspace>-presence/`, held with an advisory lock.
/// The kernel drops the lock when the process ends, however it ends
/// (`kill -9` included), so a file nobody holds is stale and is ignored.
final class PresenceBoard {
    let directory: String
    let groupShared: Bool
    private var own: (fd: Int32, path: String)?

    init(workspacePath: String, groupShared: Bool) {
        directory = workspacePath + "-presence"
        self.groupShared = groupShared
    }

    deinit { withdraw() }

    /// Writes (or rewrites) this process's entry, creating it and its lock the first time.
    func announce(_ entry: PresenceEntry) throws {
        if own == nil {
            try ensureDirectory()
            let path = directory + "/\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json"
            let fd = open(path, O_CREAT | O_EXCL | O_RDWR | O_NOFOLLOW | O_CLOEXEC, groupShared ? 0o640 : 0o600)
            guard fd >= 0 else { throw TeamError.storage("cannot announce presence in \(directory): \(String(cString: strerror(errno)))") }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                unlink(path)
                throw TeamError.storage("cannot lock \(path)")
            }
            own = (fd, path)
        }
        guard let own else { return }
        let bytes = Array(Self.encode(entry).utf8)
        _ = bytes.withUnsafeBytes { pwrite(own.fd, $0.baseAddress, bytes.count, 0) }
        ftruncate(own.fd, off_t(bytes.count))
    }

    /// Removes this process's entry (on quit; a crash leaves an unlocked file, which readers ignore).
    func withdraw() {
        guard let own else { return }
        unlink(own.path)
        close(own.fd)
        self.own = nil
    }

    /// Every other live entry: files whose lock is still held.
    func others() -> [PresenceEntry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var entries: [PresenceEntry] = []
        for name in names where name.hasSuffix(".json") {
            let path = directory + "/" + name
            if path == own?.path { continue }
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 4096 else { continue }
            // A lock we can take means nobody holds it: its process is gone.
            if flock(fd, LOCK_SH | LOCK_NB) == 0 {
                flock(fd, LOCK_UN)
                unlink(path)
                continue
            }
            var buffer = [UInt8](repeating: 0, count: Int(info.st_size))
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0, let entry = Self.decode(Array(buffer.prefix(count))) else { continue }
            entries.append(entry)
        }
        return entries.sorted { ($0.since.seconds, $0.login) < ($1.since.seconds, $1.login) }
    }

    static func encode(_ entry: PresenceEntry) -> String {
        let object: [String: Any] = ["login": entry.login, "email": entry.email, "name": entry.name,
                                     "since": entry.since.seconds, "screen": entry.screen, "pid": entry.pid]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ bytes: [UInt8]) -> PresenceEntry? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
              let login = object["login"] as? String, let email = object["email"] as? String,
              let name = object["name"] as? String, let since = object["since"] as? NSNumber,
              let screen = object["screen"] as? String, let pid = object["pid"] as? NSNumber else { return nil }
        return PresenceEntry(login: login, email: email, name: name, since: Timestamp(seconds: since.int64Value),
                             screen: screen, pid: pid.int32Value)
    }

    private func ensureDirectory() throws {
        var info = stat()
        if lstat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR, info.st_mode & S_IWOTH == 0 else {
                throw TeamError.storage("\(directory) is not a folder only the team can write")
            }
            return
        }
        let mode: mode_t = groupShared ? 0o2770 : 0o700
        if mkdir(directory, mode) != 0 && errno != EEXIST {
            throw TeamError.storage("cannot create \(directory): \(String(cString: strerror(errno)))")
        }
        chmod(directory, mode)
    }
}

extension SQLiteWorkspace {
    /// Removes this process's presence entry (on quit).
    public func withdrawPresence() { presenceBoard.withdraw() }

    public func announcePresence(screen: String) throws {
        let op = try operatorContext()
        try presenceBoard.announce(PresenceEntry(
            login: identity.osLogin, email: op.member.email.value, name: op.member.name,
            since: presenceSince, screen: screen, pid: getpid()))
    }

    public func presence() throws -> [PresenceEntry] {
        // Only those who may see the member list see who is here.
        let op = try operatorContext()
        try check(.readWorkspace, op)
        return presenceBoard.others()
    }
}
