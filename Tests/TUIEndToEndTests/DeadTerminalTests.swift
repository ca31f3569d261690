import Foundation
import Testing
import TestSupport

/// A terminal that goes away without a hang-up signal (the link died and
/// sshd closed the pseudo-terminal, but it is not the program's controlling
/// one): the interface notices that it can no longer draw, exits within a
/// second with the hang-up status, and its presence entry goes with it.
@Suite(.timeLimit(.minutes(10))) struct DeadTerminalTests {
    @Test func anInterfaceWhoseTerminalClosedExitsWithinASecondAndLeavesNoPresence() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Support/dead_terminal.py").path
        let result = try BinaryRunner.run(["/usr/bin/env", "python3", script, "details", "3", h.binary, "--db", h.db],
                                          environment: h.environment, in: h.dir.path, timeout: 30)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                  "\(result.stdout)")
        #expect(report["drawn"] as? Bool == true, "never drew: \(report)")
        #expect(report["exited"] as? Bool == true, "still running 3 s after its terminal closed")
        let seconds = report["seconds"] as? Double ?? .infinity
        #expect(seconds < 1.0, "took \(seconds) s")
        #expect(report["status"] as? Int == 129, "\(report)")
        let left = ((try? FileManager.default.contentsOfDirectory(atPath: h.db + "-presence")) ?? []).filter { $0.hasSuffix(".json") }
        #expect(left.isEmpty, "presence left behind: \(left)")
    }
}
