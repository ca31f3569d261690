import Testing
import TermText
@testable import TeamCore

@Suite(.timeLimit(.minutes(10))) struct TextSafetyTests {
    @Test func sanitizeMakesEscapesVisible() {
        #expect(TerminalText.sanitize("a\u{1b}[2Jb") == "a\\x1b[2Jb")
        #expect(TerminalText.sanitize("x\u{9b}y") == "x\\x9by")
        #expect(TerminalText.sanitize("ab\u{202e}cd") == "ab\\u{202e}cd")
        #expect(TerminalText.sanitize("one\r\ntwo") == "one\\r\\ntwo")
        #expect(TerminalText.sanitize("美咲 🚀") == "美咲 🚀")
    }

    @Test func timestampsAreISO8601UTC() {
        #expect(Timestamp(seconds: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(seconds: 1_796_352_000).iso8601 == "2026-12-04T02:40:00Z")
        #expect(Timestamp(seconds: -1).iso8601 == "1969-12-31T23:59:59Z")
        #expect(Timestamp(seconds: 951_782_400).iso8601 == "2000-02-29T00:00:00Z")
    }
}
