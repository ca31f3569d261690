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
                             stdin: String? = nil, in directory: String) throws -> (Process, String, String) {
        let id = UUID().uuidString
        let outPath = directory + "/.out-\(id)", errPath = directory + "/.err-\(id)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        if let stdin {
            let inPath = directory + "/.in-\(id)"
            _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdin.utf8))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        return (process, outPath, errPath)
    }

    /// Waits for a started process, killing it at the deadline.
    public static func finish(_ started: (Process, String, String), arguments: [String],
                              timeout: Double = 60) throws -> RunResult {
        let (process, outPath, errPath) = started
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                // SIGKILL: children of test threads may have SIGTERM blocked.
                kill(process.processIdentifier, SIGKILL)
                throw RunError.timedOut(arguments, timeout)
            }
            usleep(2_000)
        }
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return RunResult(status: process.terminationStatus, stdout: out, stderr: err)
    }

    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                           in directory: String, timeout: Double = 60) throws -> RunResult {
        try finish(start(arguments, environment: environment, stdin: stdin, in: directory),
                   arguments: arguments, timeout: timeout)
    }
}
