import Foundation

/// Drives a full-screen program in a private tmux server, as a user at a
/// terminal would: keys in, screen text out, every wait with a deadline.
///
/// Each instance owns its server (its own socket in its own temp folder) and
/// kills it when stopped or released, so a failing test never leaves a
/// server or the program behind.
///
/// Two tmux behaviours shape this type:
/// - a daemonised server would outlive the client that started it and
///   could not be waited for; so the server is started here in the
///   foreground (`-D`, null stdio, every signal unblocked) and only
///   short-lived client commands are run after it;
/// - `remain-on-exit` loses the exit status or the last output now and then
///   (tmux 3.3a); so the program is wrapped in a shell that prints
///   `[exit N]` and then lingers, and ``waitForExit(timeout:)`` reads that line.
public final class TmuxSession: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case tmuxMissing
        case serverDidNotStart(String)
        case command([String], RunResult)
        case timedOut(String, seconds: Double, screen: String)

        public var description: String {
            switch self {
            case .tmuxMissing:
                "tmux not found on PATH (scripts/install-deps.sh installs it)"
            case .serverDidNotStart(let why):
                "tmux server did not start: \(why)"
            case .command(let arguments, let result):
                "tmux \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)"
            case .timedOut(let what, let seconds, let screen):
                "waited \(seconds) s for \(what); the screen was:\n\(screen)"
            }
        }
    }

    public let folder = TempDirectory()
    public var socket: String { folder.file("tmux.sock") }
    /// The one session (and window and pane) this driver creates.
    public let target = "e2e"
    private let tmux: String
    private let lock = NSLock()
    private var server: ChildProcess?

    /// Starts a private tmux server and waits until it accepts commands.
    public init(timeout: Double = 5) throws {
        tmux = try Self.which("tmux")
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(null) }
        let process = try ChildProcess.launch(tmux, arguments: ["-S", socket, "-f", "/dev/null", "-D"],
                                              environment: Self.cleanEnvironment(), directory: folder.path,
                                              input: null, output: null, error: null)
        server = process
        // The socket file appears (bind) a moment before the server accepts
        // (listen): poll with a real command until one succeeds.
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let ended = process.termination {
                server = nil
                throw Failure.serverDidNotStart("it exited with status \(ended.status)")
            }
            // No status bar: the pane gets the whole window, as a terminal would.
            if Self.isSocket(socket), (try? command("set-option", "-g", "status", "off")) != nil { break }
            guard Date() < deadline else {
                stop()
                throw Failure.serverDidNotStart("no answer on \(socket) after \(timeout) s")
            }
            usleep(5_000)
        }
    }

    deinit { stop() }

    /// Kills the server (and with it the program and its shell). Safe to call more than once.
    public func stop() {
        lock.lock()
        let process = server
        server = nil
        lock.unlock()
        guard let process, process.isRunning else { return }
        _ = try? BinaryRunner.run([tmux, "-S", socket, "kill-server"], in: folder.path, timeout: 2)
        if process.wait(seconds: 3) == nil {
            process.send(SIGKILL)
            process.waitUntilExit()
        }
    }

    // MARK: - Program

    /// Runs `arguments` in a new detached session of `cols`×`rows` cells.
    ///
    /// The program sees `LANG=C.UTF-8` and `TERM=screen` (tmux's own) unless
    /// `environment` says otherwise; a value of `""` removes a variable.
    /// When it ends, the pane shows `[exit N]` and stays open.
    public func start(_ arguments: [String], cols: Int = 100, rows: Int = 30,
                      environment: [String: String] = [:]) throws {
        var env = ["LANG": "C.UTF-8", "TERM": "screen"]
        for (key, value) in environment { env[key] = value }
        let unset = env.filter { $0.value.isEmpty }.keys.sorted().flatMap { ["-u", $0] }
        let assignments = env.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let program = (["env"] + unset + assignments + arguments).map(Self.shellQuoted).joined(separator: " ")
        let script = #"\#(program); echo "[exit $?]"; sleep 600"#
        try command("new-session", "-d", "-s", target, "-x", String(cols), "-y", String(rows),
                    "sh -c " + Self.shellQuoted(script))
        // `-D` turned exit-empty off; with a session now, turn it back on so a
        // server left behind by a killed test run ends with its session.
        try command("set-option", "-g", "exit-empty", "on")
    }

    /// Presses keys by tmux name (`Enter`, `Tab`, `Escape`, `Space`, `Up`, `C-c`, …).
    public func press(_ keys: String...) throws {
        try command(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally, character by character.
    public func type(_ text: String) throws {
        try command("send-keys", "-t", target, "-l", "--", text)
    }

    /// Pastes `text` as a terminal does: wrapped in bracketed-paste marks when
    /// the program asked for them (as tmux's paste-buffer -p does).
    public func paste(_ text: String) throws {
        try command("set-buffer", "-b", "test-paste", "--", text)
        try command("paste-buffer", "-p", "-r", "-d", "-b", "test-paste", "-t", target)
    }

    /// Changes the terminal size; the program gets SIGWINCH.
    public func resize(cols: Int, rows: Int) throws {
        try command("resize-window", "-t", target, "-x", String(cols), "-y", String(rows))
    }

    /// The visible screen as text, one line per row (trailing blanks trimmed by tmux).
    public func capture() throws -> String {
        try command("capture-pane", "-p", "-t", target)
    }

    /// The visible screen with each character's attributes and colours.
    public func captureStyled() throws -> StyledScreen {
        StyledScreen(escaped: try command("capture-pane", "-p", "-e", "-t", target))
    }

    /// A tmux format evaluated for the pane, e.g. `#{pane_title}` or `#{alternate_on}`.
    public func display(_ format: String) throws -> String {
        try command("display-message", "-p", "-t", target, format)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds; returns that screen.
    @discardableResult
    public func waitUntil(_ what: String, timeout: Double = 5, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while true {
            screen = try capture()
            if predicate(screen) { return screen }
            if Date() > deadline { throw Failure.timedOut(what, seconds: timeout, screen: screen) }
            usleep(20_000)
        }
    }

    /// Polls the screen until it contains `text`; returns that screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 5) throws -> String {
        try waitUntil("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for the wrapper's `[exit N]` line and returns N.
    public func waitForExit(timeout: Double = 5) throws -> Int32 {
        let screen = try waitUntil("[exit N]", timeout: timeout) { Self.exitStatus(in: $0) != nil }
        return Self.exitStatus(in: screen) ?? -1
    }

    /// The exit status printed by the wrapper, if it has printed it. The line
    /// may share its row with what the program left behind (terminals without
    /// an alternate screen keep it).
    public static func exitStatus(in screen: String) -> Int32? {
        for line in screen.split(separator: "\n").reversed() {
            guard let start = line.range(of: "[exit ") else { continue }
            let rest = line[start.upperBound...]
            guard let end = rest.firstIndex(of: "]"), let status = Int32(rest[..<end]) else { continue }
            return status
        }
        return nil
    }

    /// The process id of the program (the wrapper shell's child).
    public func programPID(timeout: Double = 5) throws -> pid_t {
        guard let shell = pid_t(try display("#{pane_pid}")) else {
            throw Failure.timedOut("the pane's pid", seconds: 0, screen: try capture())
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let child = Self.children(of: shell).first(where: { !Self.processName(of: $0).hasPrefix("sleep") }) {
                return child
            }
            if Date() > deadline { throw Failure.timedOut("the program's pid", seconds: timeout, screen: try capture()) }
            usleep(10_000)
        }
    }

    // MARK: - Plumbing

    /// Runs one tmux client command against this server and returns its output.
    @discardableResult
    public func command(_ arguments: String...) throws -> String {
        try command(arguments)
    }

    @discardableResult
    public func command(_ arguments: [String]) throws -> String {
        let result = try BinaryRunner.run([tmux, "-S", socket] + arguments, environment: ["TMUX": ""],
                                          in: folder.path, timeout: 5)
        guard result.status == 0 else { throw Failure.command(arguments, result) }
        return result.stdout
    }

    static func which(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure.tmuxMissing
    }

    /// The server's environment: this process's, minus what would leak in from
    /// an enclosing terminal session or locale.
    static func cleanEnvironment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["TMUX", "TMUX_PANE", "LC_ALL", "LC_CTYPE", "NO_COLOR", "COLUMNS", "LINES"] {
            env.removeValue(forKey: key)
        }
        env["LANG"] = "C.UTF-8"
        return env
    }

    static func isSocket(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFSOCK
    }

    /// Single-quotes `text` for `sh`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Children of `parent`, from `/proc` (Linux).
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // Fields after the command name: state, ppid, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent ? pid : nil
        }.sorted()
    }

    public static func processName(of pid: pid_t) -> String {
        let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        return comm.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
