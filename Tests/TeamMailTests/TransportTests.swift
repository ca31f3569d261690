import Foundation
import Testing
import TestSupport
import TeamCore
@testable import TeamMail

@Suite(.timeLimit(.minutes(10))) struct TransportTests {
    let mail = QueuedMail(id: 7, recipient: "ann@example.com",
                          message: "From: a@b.test\nTo: ann@example.com\nSubject: hi\n\nbody line\n", attempt: 1)

    @Test func theFolderTransportWritesAPrivateEmlFileOncePerMail() throws {
        let dir = TempDirectory()
        let transport = FolderTransport(directory: dir.file("out"))
        let detail = try transport.deliver(mail)
        let path = dir.file("out/mail-7-ann@example.com.eml")
        #expect(detail == "file \(path)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == mail.message)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        _ = try transport.deliver(mail)  // a retry replaces its own file
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("out")) == ["mail-7-ann@example.com.eml"])
    }

    @Test func theSendmailCommandGetsTheMessageOnStdinAndOnlyItsConfiguredArguments() throws {
        let dir = TempDirectory()
        let script = dir.file("fake-sendmail")
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"\(dir.file("argv"))\"\ncat > \"\(dir.file("stdin"))\"\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        try #require(chmod(script, 0o755) == 0)
        let transport = SendmailTransport(command: [script, "-t", "-i"], timeoutSeconds: 20)
        #expect(try transport.deliver(mail) == "command \(script) -t -i")
        #expect(try String(contentsOfFile: dir.file("stdin"), encoding: .utf8) == mail.message)
        #expect(try String(contentsOfFile: dir.file("argv"), encoding: .utf8) == "-t\n-i\n")
    }

    @Test func failuresSayWhyAndNeverHang() throws {
        let failing = SendmailTransport(command: ["/bin/sh", "-c", "echo 'relay refused us' >&2; exit 75"], timeoutSeconds: 20)
        #expect { try failing.deliver(mail) } throws: { "\($0)".contains("status 75") && "\($0)".contains("relay refused us") }
        let slow = SendmailTransport(command: ["/bin/sh", "-c", "sleep 30"], timeoutSeconds: 1)
        let started = Date()
        #expect { try slow.deliver(mail) } throws: { "\($0)".contains("did not finish within 1 s") }
        #expect(Date().timeIntervalSince(started) < 10)
        let closesEarly = SendmailTransport(command: ["/bin/sh", "-c", "exec 0<&-; exit 1"], timeoutSeconds: 20)
        #expect(throws: MailDeliveryError.self) { try closesEarly.deliver(mail) }
        let missing = SendmailTransport(command: ["no-such-sendmail-here"], timeoutSeconds: 5, searchPath: "/nonexistent")
        #expect { try missing.deliver(mail) } throws: { "\($0)".contains("not found") }
    }
}

@Suite(.timeLimit(.minutes(10))) struct FolderTransportSharingTests {
    @Test func twoWorkspacesMailsWithTheSameNumberNeverOverwriteEachOther() throws {
        let dir = TempDirectory()
        let transport = FolderTransport(directory: dir.file("mail"))
        let first = QueuedMail(id: 6, recipient: "ann@example.com", message: "From: a\n\nworkspace A token\n", attempt: 1)
        let second = QueuedMail(id: 6, recipient: "ann@example.com", message: "From: b\n\nworkspace B token\n", attempt: 1)
        let one = try transport.deliver(first)
        let two = try transport.deliver(second)
        #expect(one != two)
        #expect(try transport.deliver(first) == one, "a retry of the same message adds no file")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.file("mail")).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 2)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.file("mail")).contains { $0.hasSuffix(".tmp") }))
    }
}
