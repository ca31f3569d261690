import ChildProcess
import Foundation

/// The result of running a program to completion.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum RunError: Error, CustomStringConvertible {
    case timedOut([String], Double)
    case notFound(String)

    public var description: String {
        switch self {
        case .timedOut(let args, let seconds): "timed out after \(seconds) s: \(args.joined(separator: " "))"
        case .notFound(let what): what
        }
    }
}

/// Runs the built `clerk-team` (and other programs) as a user would, with a
/// deadline on every wait. Output goes to files rather than pipes, so a
/// large output can never block the child.
public enum BinaryRunner {
    /// The `clerk-team` binary built next to the test bundle (override with `CLERK_TEAM_BIN`).
    public static func clerkTeam() throws -> String {
        if let path = ProcessInfo.processInfo.environment["CLERK_TEAM_BIN"], !path.isEmpty { return path }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("clerk-team").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw RunError.notFound("clerk-team binary not found near \(exe.path); run 'swift build' first or set CLERK_TEAM_BIN")
    }

    /// Starts `arguments` and returns the running process plus where its output goes.
    public static func start(_ arguments: [String], environment: [String: String] = [:],
                             stdin: String? = nil, in directory: String) throws -> (ChildProcess, String, String) {
        let id = UUID().uuidString
        let outPath = directory + "/.out-\(id)", errPath = directory + "/.err-\(id)"
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        let out = try openFile(outPath, flags: O_WRONLY | O_CREAT | O_TRUNC)
        defer { close(out) }
        let err = try openFile(errPath, flags: O_WRONLY | O_CREAT | O_TRUNC)
        defer { close(err) }
        let inPath = directory + "/.in-\(id)"
        if let stdin { _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdin.utf8)) }
        let input = try openFile(stdin == nil ? "/dev/null" : inPath, flags: O_RDONLY)
        defer { close(input) }
        if stdin != nil { unlink(inPath) }  // the open descriptor keeps it readable
        let process = try ChildProcess.launch(arguments[0], arguments: Array(arguments.dropFirst()), environment: env,
                                              directory: directory, input: input, output: out, error: err)
        return (process, outPath, errPath)
    }

    private static func openFile(_ path: String, flags: Int32) throws -> Int32 {
        let fd = open(path, flags | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RunError.notFound("cannot open \(path): \(String(cString: strerror(errno)))") }
        return fd
    }

    /// Waits for a started process, killing it at the deadline.
    public static func finish(_ started: (ChildProcess, String, String), arguments: [String],
                              timeout: Double = 60) throws -> RunResult {
        let (process, outPath, errPath) = started
        guard let ended = process.wait(seconds: timeout) else {
            // SIGKILL: children of test threads may have SIGTERM blocked.
            process.send(SIGKILL)
            process.waitUntilExit()
            throw RunError.timedOut(arguments, timeout)
        }
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return RunResult(status: ended.status, stdout: out, stderr: err)
    }

    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                           in directory: String, timeout: Double = 60) throws -> RunResult {
        try finish(start(arguments, environment: environment, stdin: stdin, in: directory),
                   arguments: arguments, timeout: timeout)
    }
}
