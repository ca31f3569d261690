import CSpawn
#if canImport(Glibc)
import Glibc
#endif

/// How a child ended.
public enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)

    /// The exit status, or 128 + the signal as a shell reports it.
    public var status: Int32 {
        switch self {
        case .exited(let code): code
        case .signalled(let signal): 128 + signal
        }
    }

    init(waitStatus: Int32) {
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signal = waitStatus & 0x7f
        self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
    }
}

/// Why a program could not be started.
public struct SpawnError: Error, CustomStringConvertible, Sendable {
    public let executable: String
    public let code: Int32
    public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
}

/// A started program: its pid, and its end once reaped. Reaped only here,
/// so the pid is never signalled after the kernel could have reused it.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    private let lock = Mutex()
    private var ended: Termination?

    private init(pid: pid_t) { self.pid = pid }

    /// Starts `executable` (a path) with `arguments` and exactly `environment`.
    /// The descriptors are the child's standard input, output and error; no
    /// other descriptor of this process reaches the child.
    public static func launch(_ executable: String, arguments: [String] = [], environment: [String: String],
                              directory: String? = nil, input: Int32, output: Int32, error: Int32) throws(SpawnError) -> ChildProcess {
        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var pid: pid_t = 0
        let failure = argv.withPointers { argvPointer in
            envp.withPointers { envpPointer in
                if let directory {
                    return clerk_spawn(&pid, executable, argvPointer, envpPointer, directory, input, output, error)
                }
                return clerk_spawn(&pid, executable, argvPointer, envpPointer, nil, input, output, error)
            }
        }
        guard failure == 0 else { throw SpawnError(executable: executable, code: failure) }
        return ChildProcess(pid: pid)
    }

    /// How it ended, or nil while it runs (never blocks).
    public var termination: Termination? {
        lock.withLock {
            if let ended { return ended }
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                ended = Termination(waitStatus: status)
            } else if reaped < 0 && errno == ECHILD {
                // Reaped by the kernel (SIGCHLD ignored) or elsewhere: gone, status unknown; do not spin forever.
                ended = .exited(-1)
            }
            return ended
        }
    }

    public var isRunning: Bool { termination == nil }

    /// Waits up to `seconds` for the end; nil if it still runs then.
    public func wait(seconds: Double) -> Termination? {
        let deadline = Clock.now + seconds
        while true {
            if let termination { return termination }
            if Clock.now >= deadline { return nil }
            var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
            nanosleep(&pause, nil)
        }
    }

    /// Waits for the end however long it takes.
    @discardableResult
    public func waitUntilExit() -> Termination {
        while true {
            if let ended = wait(seconds: 3600) { return ended }
        }
    }

    /// Sends `signal` unless the child has already been reaped.
    public func send(_ signal: Int32) {
        lock.withLock {
            if ended == nil { _ = kill(pid, signal) }
        }
    }
}

/// Seconds on the monotonic clock.
enum Clock {
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A pthread mutex (Foundation's NSLock would bring Foundation into a leaf).
final class Mutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}

/// NULL-terminated C strings owned for the length of a call.
struct CStringArray {
    private let strings: [[CChar]]
    init(_ values: [String]) { strings = values.map { Array($0.utf8CString) } }

    func withPointers<T>(_ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> T) -> T {
        var copies: [UnsafeMutablePointer<CChar>?] = strings.map { chars in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: chars.count)
            copy.initialize(from: chars, count: chars.count)
            return copy
        }
        copies.append(nil)
        defer { for copy in copies { copy?.deallocate() } }
        return copies.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
