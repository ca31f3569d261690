import Foundation
import Testing
import TestSupport

/// Names in scripts with multi-character clusters reach a real terminal whole.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ScriptNameTests {
    @Test func conjunctsJamoAndVoicedKanaAreShownWhole() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("members", "rename", "agent@acme.test", "नमस्ते क्षत्रिय")
        try h.ok("members", "rename", "member@acme.test", "ｶﾞｷﾞ கொழும்பு")
        try h.openTUI()
        let screen = try h.tmux.waitFor("नमस्ते क्षत्रिय")
        #expect(screen.contains("ｶﾞｷﾞ கொழும்பு"), "\(screen)")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
