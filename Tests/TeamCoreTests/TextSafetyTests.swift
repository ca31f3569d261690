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

    /// Each escape was appended by copying everything before it, so a 5 MB
    /// file full of escapes took minutes to print (found by the fuzzer of
    /// bench/reliability.sh); the time must grow with the text, not its square.
    @Test func sanitizingALongHostileTextTakesLinearTime() {
        let text = String(repeating: "a\u{1b}[2J\u{202e}", count: 100_000)
        let clock = ContinuousClock()
        let started = clock.now
        let safe = TerminalText.sanitize(text)
        #expect(clock.now - started < .seconds(2))
        #expect(safe.utf8.count == 100_000 * "a\\x1b[2J\\u{202e}".utf8.count)
        #expect(safe.hasPrefix("a\\x1b[2J\\u{202e}a\\x1b"))
    }

    @Test func timestampsAreISO8601UTC() {
        #expect(Timestamp(seconds: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(seconds: 1_796_352_000).iso8601 == "2026-12-04T02:40:00Z")
        #expect(Timestamp(seconds: -1).iso8601 == "1969-12-31T23:59:59Z")
        #expect(Timestamp(seconds: 951_782_400).iso8601 == "2000-02-29T00:00:00Z")
    }
}
