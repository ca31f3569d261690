import Testing
import TeamCore
@testable import TeamRoster

/// The file: written in one stable form, read back to the same roster,
/// and every problem named with its line.
@Suite(.timeLimit(.minutes(10))) struct RosterFileTests {
    @Test func yamlReadsBackToTheSameRoster() throws {
        let text = RosterYAML.render(RosterSamples.team)
        #expect(try RosterReader.read(text) == RosterSamples.team)
        #expect(RosterYAML.render(try RosterReader.read(text)) == text, "writing what was read gives the same bytes")
    }

    @Test func jsonReadsBackToTheSameRoster() throws {
        let text = RosterJSON.render(RosterSamples.team)
        #expect(try RosterReader.read(text) == RosterSamples.team)
    }

    @Test func theYAMLFormIsAsDocumented() {
        let text = RosterYAML.render(RosterSamples.team)
        #expect(text.hasPrefix(RosterYAML.header + "roster: 1\nroles:\n  - role: admin\n    added: [view-messages]\n    removed: []\n"))
        #expect(text.contains("""
              - email: ann@acme.test
                name: Ann Agent
                role: agent
                status: active
                inboxes: ["+14155550100", "+14155550190"]
                groups: [Night shift]
                grant: [add-inbox]
                revoke: [remove-team-members]
              - email: dee@acme.test
                name: Dee Gone
                role: member
                status: deactivated
              - email: ivy@acme.test
                role: manager
                status: invited
                inboxes: ["+14155550100"]

            """), "members by email; empty lists and an invitee's name left out")
    }

    /// Names a person may type (display names: trimmed, printable): each must come back exactly,
    /// whatever a YAML reader makes of plain text.
    @Test(arguments: ["O'Brien", "Ann: the first", "#1 fan", "- dash", "yes", "No", "null", "~", "123", "+1 415",
                      "a \"quoted\" name", "back\\slash", "[x]", "{y}", "a, b", "Zoë 美咲", "🙂 smile", "two  spaces", "a #b",
                      "true", "Off", "@home", "%x", "&anchor", "*alias", "!tag", "|", ">", "`tick`"])
    func anyNameSurvivesTheRoundTrip(name: String) throws {
        var roster = RosterSamples.team
        roster.members[0].name = name
        roster.groups[0].name = name
        roster.members = roster.members.map { member in
            var copy = member
            copy.groups = copy.groups.isEmpty ? [] : [name]
            return copy
        }
        roster.inboxes[0].name = name
        let read = try RosterReader.read(RosterYAML.render(roster))
        #expect(read.members[0].name == name)
        #expect(read.groups[0].name == name)
        #expect(read.inboxes[0].name == name)
        #expect(read.members.first { !$0.groups.isEmpty }?.groups == [name])
    }

    @Test func plainScalarsOnlyWhereTheyCannotBeMisread() {
        #expect(RosterYAML.scalar("Night shift") == "Night shift")
        #expect(RosterYAML.scalar("ann@acme.test") == "ann@acme.test")
        #expect(RosterYAML.scalar("+14155550100") == "\"+14155550100\"")
        #expect(RosterYAML.scalar("yes") == "\"yes\"")
        #expect(RosterYAML.scalar("You (root)") == "\"You (root)\"")
    }

    @Test func everyProblemIsNamedWithItsLine() {
        let text = """
            roster: 1
            roles:
              - role: boss
            inboxes:
              - phone: "+14155550100"
                name: Support
                visibility: public
              - phone: "+14155550100"
                name: Again
                visibility: public
            groups: []
            members:
              - email: ann@acme.test
                role: agent
                inboxes: ["+14155550199"]
                groups: [Nobody]
                colour: blue
              - email: not-an-email
                role: agent
              - email: ANN@acme.test
                role: member
                status: gone
            """
        #expect {
            try RosterReader.read(text)
        } throws: { error in
            guard let problems = (error as? RosterProblems)?.problems else { return false }
            let lines = problems.map(\.line)
            let texts = problems.map(\.description)
            return lines == [3, 8, 15, 16, 17, 18, 20, 22]
                && texts[0].contains("unknown role 'boss'")
                && texts[1].contains("inbox +14155550100 is listed twice (first on line 5)")
                && texts[2].contains("inbox +14155550199 is not in the file's inboxes list")
                && texts[3].contains("group 'Nobody' is not in the file's groups list")
                && texts[4].contains("unknown key 'colour' in a member")
                && texts[6].contains("ann@acme.test is listed twice (first on line 13)")
                && texts[7].contains("unknown status 'gone'")
        }
    }

    @Test func yamlSyntaxErrorsAndDuplicateKeysNameTheirLine() {
        func problems(_ text: String) -> [LineError] {
            do { _ = try RosterReader.read(text); return [] } catch { return error.problems }
        }
        let unclosed = problems("roster: 1\nmembers:\n  - email: \"ann@acme.test\n    role: agent\n")
        #expect(unclosed.count == 1 && unclosed.first?.message.hasPrefix("not valid YAML") == true)
        #expect(unclosed.first.map { $0.line >= 3 } == true, "\(unclosed)")
        let twice = problems("roster: 1\nmembers:\n  - email: a@acme.test\n    role: agent\n    role: member\n")
        #expect(twice.first?.line == 4 && twice.first?.message.contains("'role'") == true, "\(twice)")
        #expect(problems("")[0].message.contains("the file is empty"))
        #expect(problems("roster: 2\n")[0].message.contains("this is roster format '2'"))
        #expect(problems("members: []\n")[0].message.contains("has no 'roster'"))
    }

    @Test func numbersAreReadAsPeopleWriteThemAndCheckedLikeAnywhereElse() throws {
        let read = try RosterReader.read("""
            roster: 1
            inboxes:
              - phone: +1 (415) 555-0100
                name: Support
                visibility: public
            members:
              - email: ann@acme.test
                role: agent
                inboxes: ["+1 415 555 0100"]
            """)
        #expect(read.inboxes.map(\.phone.value) == ["+14155550100"])
        #expect(read.members.first?.inboxes.map(\.value) == ["+14155550100"])
        do {
            _ = try RosterReader.read("roster: 1\ninboxes:\n  - phone: \"+1 415 555\"\n    name: X\n    visibility: public\n")
            Issue.record("a number three digits short was read")
        } catch {
            #expect(error.problems.map(\.line) == [3])
        }
    }

    @Test func roleChangesAreKeptAgainstTheShippedMatrix() throws {
        // "added" of a permission the role holds as shipped changes nothing, so it is not kept.
        let read = try RosterReader.read("roster: 1\nroles:\n  - role: agent\n    added: [view-public-inbox, add-inbox]\n    removed: [delete-messages]\n")
        #expect(read.roles == [Roster.RoleChange(role: .agent, added: [.addInbox], removed: [])])
    }
}
