import Foundation

/// A throw-away OS account for running the built binary as someone who is
/// not the superuser: CI runs as root, so without one every "only the
/// superuser may" path would go untested. Created with `useradd` under a
/// unique name (with its own group) and removed with `userdel` when the
/// value is released, whether the test passed or not.
public final class UnprivilegedUser: @unchecked Sendable {
    public let name: String
    public let uid: UInt32
    public let gid: UInt32

    public enum Failure: Error, CustomStringConvertible {
        case notRoot
        case command(String)
        public var description: String {
            switch self {
            case .notRoot: "this test creates an OS user and must run as root, as CI does (.ci/run)"
            case .command(let what): what
            }
        }
    }

    public init() throws {
        guard geteuid() == 0 else { throw Failure.notRoot }
        let name = "clerkt" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        // useradd takes a lock on /etc/passwd: a concurrent one elsewhere may make it fail, so try a few times.
        var last = RunResult(status: -1, stdout: "", stderr: "")
        for _ in 0..<5 {
            last = try BinaryRunner.run(["/usr/sbin/useradd", "--no-create-home", "--home-dir", "/nonexistent",
                                         "--shell", "/usr/sbin/nologin", "--user-group", name], in: "/", timeout: 30)
            if last.status == 0 { break }
            usleep(200_000)
        }
        guard last.status == 0, let entry = getpwnam(name) else {
            throw Failure.command("useradd \(name) failed (\(last.status)): \(last.stderr)")
        }
        self.name = name
        uid = entry.pointee.pw_uid
        gid = entry.pointee.pw_gid
    }

    deinit {
        _ = try? BinaryRunner.run(["/usr/sbin/userdel", name], in: "/", timeout: 30)
        if getgrnam(name) != nil { _ = try? BinaryRunner.run(["/usr/sbin/groupdel", name], in: "/", timeout: 30) }
    }

    /// `arguments` run as this user (real and effective ids, its groups), through setpriv.
    public func command(_ arguments: [String]) -> [String] {
        ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--"] + arguments
    }

    /// Makes `path` (a folder) this user's group's, group-writable with the
    /// set-group-ID bit: a workspace folder shared by a team, as the README sets one up.
    public func shareFolder(_ path: String) throws {
        guard chown(path, 0, gid) == 0, chmod(path, 0o2770) == 0 else {
            throw Failure.command("cannot share \(path) with group \(name): \(String(cString: strerror(errno)))")
        }
    }
}

/// For a test that needs the superuser (to give a file to another user, to
/// mount): fails, never skips, when not root. CI runs as root (.ci/run).
public func requireRoot() throws {
    guard geteuid() == 0 else { throw UnprivilegedUser.Failure.notRoot }
}
