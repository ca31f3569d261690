import Testing
@testable import TeamCore

/// A refusal quotes what was typed, but never all of a huge input: its
/// start and its end (where the reason is) and how much was left out.
@Suite(.timeLimit(.minutes(10))) struct ValidationBoundTests {
    @Test func aHugeInputIsQuotedInPartAndTheReasonKept() throws {
        let huge = String(repeating: "x", count: 5_000_000) + "@"
        #expect(throws: ValidationError.self) { try EmailAddress(huge) }
        do {
            _ = try EmailAddress(huge)
        } catch {
            #expect(error.message.count <= ValidationError.longest + 60, "\(error.message.count) characters")
            #expect(error.message.hasPrefix("'xxxx"))
            #expect(error.message.contains("characters left out"))
            #expect(error.message.contains("is not a valid email address"), "the reason survives: \(error.message.suffix(120))")
        }
    }

    @Test func anOrdinaryMessageIsKeptWhole() throws {
        do {
            _ = try EmailAddress("ann@@example.com")
            Issue.record("accepted a bad address")
        } catch {
            #expect(!error.message.contains("left out"))
            #expect(error.message.contains("ann@@example.com"))
        }
    }
}
