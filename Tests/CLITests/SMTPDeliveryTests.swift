import Foundation
import Testing
import TestSupport

/// Delivery through a real SMTP server on loopback (aiosmtpd) with msmtp as
/// the sendmail-compatible transport. Missing tools fail the test loudly.
@Suite(.serialized, .timeLimit(.minutes(10))) struct SMTPDeliveryTests {
    @Test func invitationMailReachesARealSMTPServerAndItsTokenWorks() throws {
        let msmtp = try requireTools()
        let team = try CLIWorkspace()
        let sink = try SMTPSink(folder: team.dir.file("sink"))
        defer { sink.stop() }
        try configure(team, msmtp: msmtp, port: sink.port)
        let invited = try team.expectSuccess(["invite", "ann@example.com", "--role", "agent", "--inbox", "+14155550100"])
        #expect(invited.stdout.contains("mail #1 to ann@example.com delivered (command \(msmtp) -C"))
        let flushed = try team.expectSuccess(["mail", "flush"])
        #expect(flushed.stdout.contains("nothing due to send"))
        #expect(waitUntil(10) { sink.messages().count == 1 })
        let message = try #require(sink.messages().first)
        let head = String(message.message.prefix { $0 != "\u{0}" }.components(separatedBy: "\r\n\r\n")[0])
        let headerNames = head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }.map { $0.prefix { $0 != ":" }.lowercased() }
        #expect(headerNames.filter { $0 == "to" }.count == 1)
        #expect(!headerNames.contains("bcc") && !headerNames.contains("cc"))
        #expect(message.recipients == ["ann@example.com"])
        let token = try #require(CLIWorkspace.token(in: message.message))
        try team.expectSuccess(["accept", token, "--login", "ann"])
        #expect(sink.messages().count == 1)
        #expect(try team.expectSuccess(["mail", "status"]).stdout.hasPrefix("0 queued, 1 sent, 0 cancelled, 0 lost"))
    }

    @Test func aFailingTransportKeepsTheMailQueuedUntilTheNextFlush() throws {
        let msmtp = try requireTools()
        let team = try CLIWorkspace()
        // A port where nothing listens any more: the first sink's, once stopped.
        let gone = try SMTPSink(folder: team.dir.file("gone"))
        let deadPort = gone.port
        gone.stop()
        try configure(team, msmtp: msmtp, port: deadPort)
        let invited = try team.expectSuccess(["invite", "bo@example.com", "--role", "member"])
        #expect(invited.stdout.contains("mail #1 to bo@example.com not delivered"))
        let status = try team.expectSuccess(["mail", "status", "--json"]).stdout
        #expect(status.contains(#""state":"queued","attempts":1"#), "\(status)")
        #expect(status.contains("exited with status 75") && status.contains("Connection refused"), "\(status)")
        let failed = try team.run(["mail", "flush"])
        #expect(failed.status == 1 && failed.stdout.contains("not delivered"))

        let sink = try SMTPSink(folder: team.dir.file("sink"))
        defer { sink.stop() }
        try configure(team, msmtp: msmtp, port: sink.port)
        // The second failure pushed the next try a minute out: flush --all retries now.
        let due = try team.expectSuccess(["mail", "flush"])
        #expect(due.stdout.contains("nothing due to send"))
        let delivered = try team.expectSuccess(["mail", "flush", "--all"])
        #expect(delivered.stdout.contains("mail #1 to bo@example.com delivered"))
        #expect(waitUntil(10) { sink.messages().count == 1 })
        let token = try #require(sink.messages().first.flatMap { CLIWorkspace.token(in: $0.message) })
        try team.expectSuccess(["accept", token, "--login", "bo"])
        #expect(try team.expectSuccess(["mail", "status"]).stdout.hasPrefix("0 queued, 1 sent"))
    }

    @Test func theFirstRetryIsDueAtTheNextFlush() throws {
        let msmtp = try requireTools()
        let team = try CLIWorkspace()
        let gone = try SMTPSink(folder: team.dir.file("gone"))
        let deadPort = gone.port
        gone.stop()
        try configure(team, msmtp: msmtp, port: deadPort)
        try team.expectSuccess(["invite", "cy@example.com", "--role", "member"])
        let sink = try SMTPSink(folder: team.dir.file("sink"))
        defer { sink.stop() }
        try configure(team, msmtp: msmtp, port: sink.port)
        let flushed = try team.expectSuccess(["mail", "flush"])
        #expect(flushed.stdout.contains("mail #1 to cy@example.com delivered"))
        #expect(waitUntil(10) { sink.messages().count == 1 })
    }

    /// msmtp on PATH and aiosmtpd importable, or the test fails saying how to install them.
    private func requireTools() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let msmtp = path.split(separator: ":").map { "\($0)/msmtp" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let msmtp else {
            Issue.record("msmtp is not installed: this test needs it (apt-get install -y msmtp)")
            throw RunError.notFound("msmtp")
        }
        let probe = try BinaryRunner.run(["/usr/bin/env", "python3", "-c", "import aiosmtpd"], in: NSTemporaryDirectory(), timeout: 30)
        guard probe.status == 0 else {
            Issue.record("the Python package aiosmtpd is missing: this test needs it (pip install aiosmtpd): \(probe.stderr)")
            throw RunError.notFound("aiosmtpd")
        }
        return msmtp
    }

    /// Points the workspace's transport at msmtp, and msmtp at 127.0.0.1:`port`.
    private func configure(_ team: CLIWorkspace, msmtp: String, port: Int) throws {
        let rc = team.dir.file("msmtprc")
        try """
            defaults
            auth off
            tls off
            timeout 10
            account default
            host 127.0.0.1
            port \(port)
            from team@acme.test
            """.write(toFile: rc, atomically: true, encoding: .utf8)
        try #require(chmod(rc, 0o600) == 0)
        try team.writeConfig("""
            {"transport": {"kind": "sendmail", "command": ["\(msmtp)", "-C", "\(rc)", "-t"], "timeout_seconds": 30},
             "from": "team@acme.test"}
            """)
    }
}

/// `Tests/Support/smtp_sink.py` running on a free loopback port.
final class SMTPSink {
    let folder: String
    let port: Int
    private let started: (ChildProcess, String, String)

    struct Received {
        let message: String
        let recipients: [String]
    }

    init(folder: String) throws {
        self.folder = folder
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Support/smtp_sink.py").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let launched = try BinaryRunner.start(["/usr/bin/env", "python3", script, folder, "240"], in: folder)
        var found: Int?
        _ = waitUntil(20) {
            let text = (try? String(contentsOfFile: launched.1, encoding: .utf8)) ?? ""
            found = text.split(separator: "\n").first { $0.hasPrefix("PORT ") }.flatMap { Int($0.dropFirst(5)) }
            return found != nil || !launched.0.isRunning
        }
        guard let found else {
            let errors = (try? String(contentsOfFile: launched.2, encoding: .utf8)) ?? ""
            launched.0.send(SIGTERM)
            throw RunError.notFound("the SMTP sink did not start: \(errors)")
        }
        started = launched
        port = found
    }

    func messages() -> [Received] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
        return names.compactMap { name in
            let base = folder + "/" + name.dropLast(4)
            guard let message = try? String(contentsOfFile: base + ".eml", encoding: .utf8),
                  let envelope = FileManager.default.contents(atPath: base + ".rcpt"),
                  let json = try? JSONSerialization.jsonObject(with: envelope) as? [String: Any] else { return nil }
            return Received(message: message, recipients: json["to"] as? [String] ?? [])
        }
    }

    func stop() {
        let process = started.0
        process.send(SIGTERM)
        if process.wait(seconds: 5) == nil { process.send(SIGKILL) }
        _ = try? BinaryRunner.finish(started, arguments: ["smtp_sink.py"], timeout: 10)
    }
}
