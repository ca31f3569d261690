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

    deinit {
        withdraw()
        forgetAll()
    }

    /// The entry last written, to rewrite when only the file it names changes.
    private(set) var announced: PresenceEntry?

    /// Writes (or rewrites) this process's entry, creating it and its lock the first time.
    func announce(_ entry: PresenceEntry) throws {
        announced = entry
        // A reader that looked between our create and our lock took the file
        // for a dead one and removed it: make another.
        if let current = own, !Self.stillNamed(current) {
            close(current.fd)
            own = nil
        }
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

    /// Other entries already read, each kept open: asking its lock again
    /// and `fstat` are two system calls, where reading and decoding every
    /// file again would make a hundred interfaces cost the host N² file
    /// reads each time.
    private var seen: [String: Seen] = [:]
    /// Calls of ``others()`` so far: every twentieth reads the folder whatever the watch says.
    private var reads = 0
    /// At most this many kept open; more are read afresh each time.
    static let keptOpen = 256

    private struct Seen {
        let fd: Int32
        let modified: timespec
        let size: Int
        let entry: PresenceEntry?
    }

    /// Every other live entry: files whose lock is still held.
    func others() -> [PresenceEntry] {
        reads &+= 1
        // Nothing happened in the folder: the entries are as last read. A
        // process that ends closes its entry a moment before the kernel drops
        // its lock, so after any event the folder is read twice; and every
        // twentieth time anyway.
        let changed = watch.changed()
        if !changed && !lookAgain && reads % 20 != 0, let last = lastRead { return last }
        lookAgain = changed
        let entries = readEntries()
        lastRead = entries
        return entries
    }

    /// Every other live entry as the folder says now, without the watch: for a
    /// one-off question (who still holds a replaced file) rather than polling.
    func othersNow() -> [PresenceEntry] {
        let entries = readEntries()
        lastRead = entries
        return entries
    }

    private lazy var watch = FolderWatch(path: directory)
    private var lookAgain = false
    private var lastRead: [PresenceEntry]?

    private func readEntries() -> [PresenceEntry] {
        guard let names = Self.entryNames(directory) else {
            forgetAll()
            return []
        }
        var entries: [PresenceEntry] = []
        for (name, cached) in seen where !names.contains(name) {
            close(cached.fd)
            seen[name] = nil
        }
        for name in names {
            let path = directory + "/" + name
            if path == own?.path { continue }
            if let entry = live(name, path) { entries.append(entry) }
        }
        return entries.sorted { ($0.since.seconds, $0.login) < ($1.since.seconds, $1.login) }
    }

    /// The entry in `name` if its process still holds the lock.
    private func live(_ name: String, _ path: String) -> PresenceEntry? {
        if let cached = seen[name] {
            if Self.holderIsGone(cached.fd) {
                close(cached.fd)
                seen[name] = nil
                unlink(path)
                return nil
            }
            var info = stat()
            if fstat(cached.fd, &info) == 0, info.st_mtim.tv_sec == cached.modified.tv_sec,
               info.st_mtim.tv_nsec == cached.modified.tv_nsec, Int(info.st_size) == cached.size {
                return cached.entry
            }
            // Rewritten (another view): read it again below.
            close(cached.fd)
            seen[name] = nil
        }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 4096 else {
            close(fd)
            return nil
        }
        if Self.holderIsGone(fd) {
            close(fd)
            unlink(path)
            return nil
        }
        var buffer = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        let entry = count > 0 ? Self.decode(Array(buffer.prefix(count))) : nil
        if seen.count < Self.keptOpen {
            seen[name] = Seen(fd: fd, modified: info.st_mtim, size: Int(info.st_size), entry: entry)
        } else {
            close(fd)
        }
        return entry
    }

    private static func stillNamed(_ file: (fd: Int32, path: String)) -> Bool {
        var named = stat(), opened = stat()
        return stat(file.path, &named) == 0 && fstat(file.fd, &opened) == 0
            && named.st_ino == opened.st_ino && named.st_dev == opened.st_dev
    }

    /// A lock we can take means nobody holds it: its process is gone.
    private static func holderIsGone(_ fd: Int32) -> Bool {
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return false }
        flock(fd, LOCK_UN)
        return true
    }

    private static func entryNames(_ directory: String) -> Set<String>? {
        guard let folder = opendir(directory) else { return nil }
        defer { closedir(folder) }
        var names: Set<String> = []
        while let item = readdir(folder) {
            let name = Self.entryName(item)
            if name.hasSuffix(".json") { names.insert(name) }
        }
        return names
    }

    /// The name in a directory record, read in place: copying `d_name` out
    /// (`item.pointee.d_name`) reads all 256 bytes, past the end of a short
    /// record and, at the end of the C library's buffer, off the mapped page.
    private static func entryName(_ item: UnsafeMutablePointer<dirent>) -> String {
        guard let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { return "" }
        return String(cString: UnsafeRawPointer(item).advanced(by: offset).assumingMemoryBound(to: CChar.self))
    }

    private func forgetAll() {
        for cached in seen.values { close(cached.fd) }
        seen = [:]
    }

    static func encode(_ entry: PresenceEntry) -> String {
        var object: [String: Any] = ["login": entry.login, "email": entry.email, "name": entry.name,
                                     "since": entry.since.seconds, "screen": entry.screen, "pid": entry.pid]
        if let file = entry.file { object["file"] = file }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ bytes: [UInt8]) -> PresenceEntry? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
              let login = object["login"] as? String, let email = object["email"] as? String,
              let name = object["name"] as? String, let since = object["since"] as? NSNumber,
              let screen = object["screen"] as? String, let pid = object["pid"] as? NSNumber else { return nil }
        return PresenceEntry(login: login, email: email, name: name, since: Timestamp(seconds: since.int64Value),
                             screen: screen, pid: pid.int32Value, file: object["file"] as? String)
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
            since: presenceSince, screen: screen, pid: getpid(), file: released ? nil : opened?.presenceName))
    }

    /// Rewrites this process's entry (if it has one) with the file it has open now.
    func announceFile() {
        guard var entry = presenceBoard.announced else { return }
        entry.file = released ? nil : opened?.presenceName
        try? presenceBoard.announce(entry)
    }

    public func presence() throws -> [PresenceEntry] {
        // Only those who may see the member list see who is here.
        let op = try operatorContext()
        try check(.readWorkspace, op)
        return presenceBoard.others()
    }
}
