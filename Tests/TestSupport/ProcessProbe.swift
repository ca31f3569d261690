import Foundation

/// What the kernel says about another process: used to know, without
/// sleeping and hoping, that a child is blocked where a test wants it.
public enum ProcessProbe {
    /// True when `pid`'s main thread has `path` open and sleeps in
    /// nanosleep: SQLite's busy handler waiting for a write lock sleeps there
    /// between attempts, and a starting or running command does not.
    public static func isWaitingForALock(_ pid: Int32, on path: String) -> Bool {
        guard let wchan = try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8),
              wchan.contains("nanosleep") else { return false }
        return hasOpen(pid, path)
    }

    /// True when one of `pid`'s descriptors names `path` (symbolic links resolved).
    public static func hasOpen(_ pid: Int32, _ path: String) -> Bool {
        let wanted = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return fds.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) == wanted }
    }

    /// Polls `condition` every 5 ms until it holds or `seconds` pass.
    public static func within(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(5_000)
        }
        return condition()
    }
}
