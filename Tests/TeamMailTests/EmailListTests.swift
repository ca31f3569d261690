import Testing
import TeamCore
@testable import TeamImport

/// `--from-file` lists: one email a line, comments and blank lines skipped, bad lines by number.
@Suite(.timeLimit(.minutes(10))) struct EmailListTests {
    @Test func commentsBlankLinesBOMAndCRLFAreSkipped() {
        let parsed = EmailList.parse("\u{FEFF}# team to move\r\nAnn@Example.com\r\n\r\n   \n  bob@example.com  \n# end")
        #expect(parsed.errors.isEmpty)
        #expect(parsed.emails.map(\.value) == ["ann@example.com", "bob@example.com"])
    }

    @Test func badLinesAreReportedWithTheirNumbers() {
        let parsed = EmailList.parse("ann@example.com\n\nnot-an-email\n# ok\nANN@example.com\nbob@example.com\n@x")
        #expect(parsed.errors.map(\.line) == [3, 5, 7])
        #expect(parsed.errors[0].description.hasPrefix("line 3: 'not-an-email' is not a valid email address"))
        #expect(parsed.errors[1].description == "line 5: ann@example.com is already listed on line 1")
        #expect(parsed.emails.map(\.value) == ["ann@example.com", "bob@example.com"])
    }
}
