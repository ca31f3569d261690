import ChildProcess
import Foundation
import Testing

/// The one way this project starts programs (sendmail, and every test's
/// runs of the binary and tmux): what the child gets, and how it ends.
@Suite(.timeLimit(.minutes(10))) struct ChildProcessTests {
    /// Runs `/bin/sh -c script` and returns its output and how it ended.
    static func shell(_ script: String, environment: [String: String] = [:], seconds: Double = 30) throws -> (String, Termination?) {
        try run("/bin/sh", ["-c", script], environment: environment, seconds: seconds)
    }

    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:], seconds: Double = 30) throws -> (String, Termination?) {
        let folder = NSTemporaryDirectory() + "/child-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = open(folder + "/out", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { close(output); close(null) }
        let child = try ChildProcess.launch(program, arguments: arguments, environment: environment,
                                            directory: folder, input: null, output: output, error: output)
        let ended = child.wait(seconds: seconds)
        if ended == nil { child.send(SIGKILL); child.waitUntilExit() }
        return ((try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? "", ended)
    }

    @Test func aChildGetsOnlyItsThreeDescriptorsWhateverThisProcessHasOpen() throws {
        // Foundation's Process walked every open descriptor to close it and
        // crashed now and then doing so; many open here, none may pass.
        var opened: [Int32] = []
        defer { for fd in opened { close(fd) } }
        for _ in 0..<1500 {
            let fd = open("/dev/null", O_RDONLY)  // deliberately not close-on-exec
            try #require(fd >= 0)
            opened.append(fd)
        }
        let (listing, ended) = try Self.shell("cd /proc/self/fd && for fd in *; do echo $fd; done")
        #expect(ended == .exited(0))
        // The shell's own glob reads the folder through one more descriptor at most.
        let fds = listing.split(separator: "\n").compactMap { Int($0) }.filter { $0 > 2 }
        #expect(fds.count <= 1, "inherited: \(fds.prefix(20))")
    }

    @Test func aChildStartsWithNoSignalBlockedOrIgnoredAndInItsFolderWithItsEnvironment() throws {
        signal(SIGPIPE, SIG_IGN)  // as the program itself does before sending mail
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        var before = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &before)
        defer { pthread_sigmask(SIG_SETMASK, &before, nil) }
        // Read by grep itself: a shell would reset its mask on start.
        let (text, ended) = try Self.run("/bin/grep", ["-E", "^Sig(Blk|Ign)", "/proc/self/status"])
        #expect(ended == .exited(0))
        let lines = text.split(separator: "\n").map(String.init)
        // Signals 1-31 (the C library keeps 32 and 33 for itself).
        func mask(_ name: String) -> UInt64? {
            lines.first { $0.hasPrefix(name + ":") }.flatMap { UInt64($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16) }
        }
        #expect(mask("SigBlk").map { $0 & 0x7fff_ffff } == 0, "\(lines)")
        #expect(mask("SigIgn").map { $0 & 0x7fff_ffff } == 0, "\(lines)")
        let (place, _) = try Self.shell("pwd; echo \"$ONLY\" \"${HOME-unset}\"", environment: ["ONLY": "this"])
        #expect(place.contains("/child-"))
        #expect(place.hasSuffix("this unset\n"))
    }

    @Test func theEndIsReportedAsAShellWould() throws {
        #expect(try Self.shell("exit 7").1 == .exited(7))
        #expect(try Self.shell("kill -9 $$").1 == .signalled(SIGKILL))
        #expect(Termination.signalled(SIGKILL).status == 137)
        let (_, stillRunning) = try Self.shell("sleep 5", seconds: 0.2)
        #expect(stillRunning == nil)
    }

    @Test func aMissingProgramIsRefusedWithItsName() throws {
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(null) }
        #expect(throws: SpawnError.self) {
            _ = try ChildProcess.launch("/nonexistent/sendmail", environment: [:], input: null, output: null, error: null)
        }
        do {
            _ = try ChildProcess.launch("/nonexistent/sendmail", environment: [:], input: null, output: null, error: null)
        } catch {
            #expect(error.description == "cannot start /nonexistent/sendmail: No such file or directory")
        }
    }
}
