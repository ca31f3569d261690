#if canImport(Glibc)
import Glibc
#endif

/// Whether anything may have happened in a folder since it was last asked:
/// entries made, removed or renamed, written, or closed by a writer (a
/// process that ends, `kill -9` included, closes its entry). One
/// non-blocking read of an inotify descriptor per question, where looking
/// costs a system call per entry, times a hundred open interfaces. Without
/// a watch (no inotify, no folder yet, the folder removed) the answer is
/// always yes, and the caller looks.
final class FolderWatch {
    private let path: String
    private var descriptor: Int32 = -1

    init(path: String) { self.path = path }

    deinit { stop() }

    func changed() -> Bool {
        guard descriptor >= 0 else {
            start()
            return true
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            any = true
            if Self.watchEnded(buffer.prefix(count)) {
                // The folder went away or too much happened at once: watch afresh.
                stop()
                return true
            }
        }
        return any
    }

    private func start() {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        let events = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF
        guard inotify_add_watch(fd, path, UInt32(events)) >= 0 else {
            close(fd)
            return
        }
        descriptor = fd
    }

    private func stop() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Whether the events (struct inotify_event, one after another) say the
    /// watch itself is over: removed (IN_IGNORED) or events were lost (IN_Q_OVERFLOW).
    private static func watchEnded(_ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        while offset + 16 <= bytes.endIndex {
            let mask = bytes[offset + 4 ..< offset + 8].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let length = bytes[offset + 12 ..< offset + 16].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if mask & UInt32(IN_IGNORED | IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF) != 0 { return true }
            offset += 16 + Int(length)
        }
        return false
    }
}
