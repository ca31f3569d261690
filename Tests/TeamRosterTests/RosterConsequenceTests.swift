import Testing
import TeamCore
@testable import TeamRoster

/// A mistake in the file is reported once: an inbox or group entry with a
/// mistake is not also "not in the file's list" for every member using it,
/// and an inbox or group the file does not list is one problem saying how
/// many use it.
@Suite(.timeLimit(.minutes(10))) struct RosterConsequenceTests {
    static func problems(_ text: String) -> [LineError] {
        do { _ = try RosterReader.read(text); return [] } catch { return error.problems }
    }

    /// `count` members (from line 14 on, 4 lines each), each using `inboxes` and `groups`.
    static func file(inboxEntries: String, groupEntries: String = "[]", count: Int, inboxes: String, groups: String = "[]") -> String {
        var text = "roster: 1\ninboxes:\n\(inboxEntries)\ngroups: \(groupEntries)\nmembers:\n"
        for index in 0..<count {
            text += "  - email: m\(index)@acme.test\n    role: agent\n    inboxes: \(inboxes)\n    groups: \(groups)\n"
        }
        return text
    }

    @Test func anInboxEntryWithAMistakeIsOneProblemHoweverManyUseIt() {
        let entries = """
              - phone: "+14155550100"
                name: ""
                visibility: public
              - phone: "+14155550101"
                name: Sales
                visibility: secret
              - phone: "+1415555"
                name: Broken
                visibility: public
            """
        let found = Self.problems(Self.file(inboxEntries: entries, count: 16,
                                            inboxes: #"["+14155550100", "+14155550101", "+1415555"]"#))
        #expect(found.count == 3, "\(found)")
        #expect(found.map(\.line) == [4, 8, 9], "\(found)")
        #expect(!found.contains { $0.message.contains("not in the file's inboxes list") }, "\(found)")
    }

    @Test func anUnlistedInboxIsOneProblemOnItsFirstUseWithHowManyUseIt() {
        let entries = """
              - phone: "+14155550100"
                name: Support
                visibility: public
            """
        let groups = """

              - name: Night
                inboxes: ["+14155550199"]
            """
        let found = Self.problems(Self.file(inboxEntries: entries, groupEntries: groups, count: 3,
                                            inboxes: #"["+14155550100", "+14155550199"]"#))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.line == 8, "the group's use comes first: \(found)")
        #expect(found.first?.message == "inbox +14155550199 is not in the file's inboxes list (used by 1 group and 3 members)",
                "\(found)")
        let once = Self.problems(Self.file(inboxEntries: entries, count: 1, inboxes: #"["+14155550199"]"#))
        #expect(once.map(\.message) == ["inbox +14155550199 is not in the file's inboxes list"], "one use: no count")
    }

    @Test func anUnlistedGroupOrOneWithABadEntryIsOneProblem() {
        let entries = """
              - phone: "+14155550100"
                name: Support
                visibility: public
            """
        let unlisted = Self.problems(Self.file(inboxEntries: entries, count: 5, inboxes: "[]", groups: "[Nobody]"))
        #expect(unlisted.map(\.message) == ["group 'Nobody' is not in the file's groups list (used by 5 members)"], "\(unlisted)")
        let bad = Self.problems(Self.file(inboxEntries: entries, groupEntries: "\n  - name: Night\n    grants: [fly]",
                                          count: 5, inboxes: "[]", groups: "[Night]"))
        #expect(bad.count == 1 && bad.first?.message.contains("fly") == true, "the grant, once; members use a listed group: \(bad)")
    }
}
