import Foundation
import Testing
import TestSupport

/// A FIFO in the spool must not hang `mail flush` inside its write
/// transaction, where every other operator's write would then wait.
@Suite(.timeLimit(.minutes(10))) struct SpoolFIFOCLITests {
    @Test func aFIFOInTheSpoolIsRefusedAndOthersKeepWriting() throws {
        let team = try CLIWorkspace()
        try team.writeConfig(#"{"transport": {"kind": "sendmail", "command": ["/bin/sh", "-c", "exit 75"]}}"#)
        try team.expectSuccess(["invite", "fifo@example.com", "--role", "member"])
        let spool = team.db + "-outbox"
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: spool).first { $0.hasSuffix(".spool") })
        try #require(unlink(spool + "/" + file) == 0 && mkfifo(spool + "/" + file, 0o600) == 0)
        try team.writeConfig(#"{"transport": {"kind": "folder", "path": "\#(team.mailFolder)"}}"#)
        let flush = try team.run(["mail", "flush", "--all"], timeout: 20)
        #expect(flush.status == 1)
        #expect(flush.stdout.contains("tampered"), "\(flush.stdout)")
        #expect(try team.expectSuccess(["mail", "status"]).stdout.contains("tampered"))
        try team.expectSuccess(["inboxes", "add", "+14155550101", "--name", "Sales", "--public"])
        #expect(team.mails().isEmpty)
    }
}
