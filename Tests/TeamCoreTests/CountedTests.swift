import Testing
import TeamCore

@Suite(.timeLimit(.minutes(10))) struct CountedTests {
    @Test func oneIsSingularEveryOtherCountPlural() {
        #expect(counted(1, "member") == "1 member")
        #expect(counted(0, "member") == "0 members")
        #expect(counted(2, "assignment") == "2 assignments")
        #expect(counted(1, "person", "people") == "1 person")
        #expect(counted(3, "inbox", "inboxes") == "3 inboxes")
    }
}
