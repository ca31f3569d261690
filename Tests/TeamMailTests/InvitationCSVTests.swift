import Testing
import TeamCore
@testable import TeamImport

@Suite(.timeLimit(.minutes(10))) struct InvitationCSVTests {
    @Test func quotedCommasBOMCRLFAndBlankLinesAreRead() throws {
        let text = "\u{FEFF}Email,ROLE,inbox\r\n"
            + "\"ann@example.com\",agent,\"+14155550100, +14155550101\"\r\n"
            + "\r\n"
            + "   \r\n"
            + "bob@example.com,member,\r\n"
            + "\"cy@example.com\",\"manager\",+14155550100;+14155550100"
        let parsed = InvitationCSV.parse(text)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.rows.map(\.line) == [2, 5, 6])
        #expect(parsed.rows.map(\.email.value) == ["ann@example.com", "bob@example.com", "cy@example.com"])
        #expect(parsed.rows[0].inboxes.map(\.value) == ["+14155550100", "+14155550101"])
        #expect(parsed.rows[1].inboxes.isEmpty)
        #expect(parsed.rows[2].role == .manager)
        #expect(parsed.rows[2].inboxes.count == 1)  // the same number twice counts once
    }

    @Test func lineNumbersStayRightAfterNewlinesInsideQuotes() {
        let text = "email,role,inbox\n"
            + "\"line\nbreak@example.com\",agent,\n"         // line 2, spans 2-3
            + "\"dee@example.com\",\"agent\r\n\",\n"         // line 4, spans 4-5 (CRLF inside)
            + "eve@example.com,boss,\n"                    // line 6
        let parsed = InvitationCSV.parse(text)
        #expect(parsed.errors.map(\.line) == [2, 4, 6])
        #expect(parsed.errors[2].message.contains("unknown role 'boss'"))
        #expect(parsed.rows.isEmpty)
    }

    @Test func aBadRoleNamesItsLine() {
        var text = "email,role\n"
        for index in 0..<40 { text += "p\(index)@example.com,\(index == 36 ? "superhero" : "member")\n" }
        let parsed = InvitationCSV.parse(text)
        #expect(parsed.errors.count == 1)
        #expect(parsed.errors.first?.line == 38)
        #expect(parsed.errors.first?.description.hasPrefix("line 38: unknown role 'superhero'") == true)
        #expect(parsed.rows.count == 39)
    }

    @Test func brokenQuotingIsReportedWhereItStarts() {
        let stray = InvitationCSV.parse("email,role\nok@example.com,member\nb\"ad@example.com,member\n")
        #expect(stray.errors.map(\.line) == [3])
        #expect(stray.errors.first?.message.contains("quot") == true)
        let unclosed = InvitationCSV.parse("email,role\nok@example.com,member\n\"open@example.com,member\nx@example.com,agent\n")
        #expect(unclosed.errors.map(\.line) == [3])
        #expect(unclosed.errors.first?.message.contains("never closed") == true)
    }

    @Test func theHeaderIsCheckedAndExtraFieldsAreErrors() {
        #expect(InvitationCSV.parse("").errors.first?.message.contains("empty") == true)
        #expect(InvitationCSV.parse("\u{FEFF}").errors.first?.line == 1)
        #expect(InvitationCSV.parse("mail,role\n").errors.first?.message.contains("unknown column 'mail'") == true)
        #expect(InvitationCSV.parse("email,inbox\n").errors.first?.message.contains("email and role") == true)
        #expect(InvitationCSV.parse("email,role,email\n").errors.first?.message.contains("twice") == true)
        let extra = InvitationCSV.parse("email,role\na@example.com,member,+14155550100\n")
        #expect(extra.errors.first?.line == 2)
        #expect(extra.errors.first?.message.contains("quote fields that contain commas") == true)
    }

    @Test func everyProblemOfARowIsListed() {
        let parsed = InvitationCSV.parse("email,role,inbox\nnot-an-email,chief,4155550100\n")
        #expect(parsed.errors.count == 3)
        #expect(Set(parsed.errors.map(\.line)) == [2])
    }

    /// An inbox cell holds numbers as people write them; `;`, `,` or a space before `+` separates them.
    @Test func inboxCellsReadNumbersAsPeopleWriteThem() throws {
        let parsed = InvitationCSV.parse("email,role,inbox\n"
            + "ann@example.com,agent,\"+1 (415) 555-0100; 0044 20 7183 8750\"\n"
            + "bob@example.com,agent,+14155550100 +14155550101\n"
            + "cy@example.com,agent,+1 415 555 010\n")
        #expect(parsed.rows.map { $0.inboxes.map(\.value) } == [["+14155550100", "+442071838750"], ["+14155550100", "+14155550101"]])
        #expect(parsed.errors.map(\.line) == [4])
        #expect(parsed.errors.first?.message.contains("too short for a number in US") == true)
    }
}
