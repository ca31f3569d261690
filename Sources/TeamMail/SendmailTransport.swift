import ChildProcess
import Dispatch
import Foundation
import TeamCore
#if canImport(Glibc)
import Glibc
#endif

/// A sendmail-compatible command (`sendmail -t -i`, `msmtp -t`): the message
/// goes on standard input and the command reads the recipients from its
/// headers. The argument list is the configured one only; no text from a
/// message or a person is ever put on it.
public struct SendmailTransport: MailTransport {
    public let command: [String]
    public let timeoutSeconds: Int
    /// Where to look for a bare command name (the caller's PATH).
    public let searchPath: String

    public init(command: [String], timeoutSeconds: Int = 60, searchPath: String = "/usr/sbin:/usr/bin:/sbin:/bin") {
        self.command = command; self.timeoutSeconds = timeoutSeconds; self.searchPath = searchPath
    }

    public var summary: String { "command " + command.joined(separator: " ") }

    public func deliver(_ mail: QueuedMail) throws(MailDeliveryError) -> String {
        guard let name = command.first else { throw MailDeliveryError("no sendmail command configured") }
        guard let executable = resolve(name) else {
            throw MailDeliveryError("sendmail command '\(name)' not found (looked in \(searchPath))")
        }
        // A command that exits before reading all input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let output = OutputFile()
        defer { output.remove() }
        var ends: [Int32] = [-1, -1]
        // No close-on-exec needed: every child is started with only its three descriptors.
        guard pipe(&ends) == 0 else {
            throw MailDeliveryError("cannot start \(executable): no pipe (\(String(cString: strerror(errno))))")
        }
        let process: ChildProcess
        do {
            process = try ChildProcess.launch(executable, arguments: Array(command.dropFirst()),
                                              environment: ProcessInfo.processInfo.environment,
                                              input: ends[0], output: output.descriptor, error: output.descriptor)
        } catch {
            close(ends[0]); close(ends[1])
            throw MailDeliveryError(error.description)
        }
        close(ends[0])
        // Written from another thread so a command that stops reading cannot block us past the deadline.
        let writer = ends[1], message = Array(mail.message.utf8)
        DispatchQueue.global().async {
            writeAll(message, to: writer)
            close(writer)
        }
        guard let ended = process.wait(seconds: Double(timeoutSeconds)) else {
            process.send(SIGTERM)
            if process.wait(seconds: 2) == nil { process.send(SIGKILL); process.waitUntilExit() }
            throw MailDeliveryError("\(name) did not finish within \(timeoutSeconds) s; stopped it")
        }
        guard ended == .exited(0) else {
            let how: String
            switch ended {
            case .exited(let status): how = "exited with status \(status)"
            case .signalled(let signal): how = "was killed by signal \(signal)"
            }
            // A command may echo its input (the message, token included): cut what it repeats.
            let said = MailRedaction.redact(output.tail(), message: mail.message).trimmingCharacters(in: .whitespacesAndNewlines)
            throw MailDeliveryError("\(name) \(how)" + (said.isEmpty ? "" : ": " + said))
        }
        return summary
    }

    private func resolve(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// An unlinked-on-exit temporary file for a child's output: a file rather
/// than a pipe, so a chatty command can never block on a full pipe.
private struct OutputFile {
    let path: String
    let descriptor: Int32

    init() {
        var template = Array((NSTemporaryDirectory() + "/clerk-team-mail.XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        descriptor = fd >= 0 ? fd : open("/dev/null", O_WRONLY | O_CLOEXEC)
    }

    /// The last 300 characters the command printed, from a line start (a
    /// line cut in the middle could be a fragment nothing else recognises).
    func tail() -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard text.count > 300 else { return text }
        let end = text.suffix(300)
        return end.firstIndex(of: "\n").map { String(end[end.index(after: $0)...]) } ?? ""
    }

    func remove() {
        close(descriptor)
        unlink(path)
    }
}

/// Writes every byte unless the reader goes away (EPIPE) or another error stops it.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
        }
    }
}
