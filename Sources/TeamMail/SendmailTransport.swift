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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = output.handle
        process.standardError = output.handle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw MailDeliveryError("cannot start \(executable): \(error.localizedDescription)")
        }
        let writer = input.fileHandleForWriting
        let message = Data(mail.message.utf8)
        // Written from another thread so a command that stops reading cannot block us past the deadline.
        DispatchQueue.global().async {
            try? writer.write(contentsOf: message)
            try? writer.close()
        }
        if finished.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + .seconds(2)) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw MailDeliveryError("\(name) did not finish within \(timeoutSeconds) s; stopped it")
        }
        let status = process.terminationStatus
        guard process.terminationReason == .exit, status == 0 else {
            let how = process.terminationReason == .exit ? "exited with status \(status)" : "was killed by signal \(status)"
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
    let handle: FileHandle

    init() {
        var template = Array((NSTemporaryDirectory() + "/clerk-team-mail.XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        handle = fd >= 0 ? FileHandle(fileDescriptor: fd, closeOnDealloc: true) : FileHandle.nullDevice
    }

    /// The last 300 characters the command printed, from a line start (a
    /// line cut in the middle could be a fragment nothing else recognises).
    func tail() -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard text.count > 300 else { return text }
        let end = text.suffix(300)
        return end.firstIndex(of: "\n").map { String(end[end.index(after: $0)...]) } ?? ""
    }

    func remove() { unlink(path) }
}
