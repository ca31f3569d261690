import Testing
import TeamCore

/// The lifecycle rule, written out by hand as a table so that a change to
/// the rule has to change this test too.
@Suite(.timeLimit(.minutes(10))) struct InvitationLifecycleTests {
    static let expected: [InvitationChange: Set<InvitationStatus>] = [
        .resend: [.pending, .expired],
        .revoke: [.pending, .expired],
        .accept: [.pending],
    ]

    @Test(arguments: InvitationChange.allCases)
    func eachChangeAppliesToExactlyItsStatuses(_ change: InvitationChange) throws {
        let email = try EmailAddress("a@b.test")
        for status in InvitationStatus.allCases {
            let refusal = InvitationLifecycle.refusal(change, id: 7, email: email, status: status)
            #expect((refusal == nil) == Self.expected[change]?.contains(status), "\(change) on \(status)")
        }
    }

    @Test func revokingTwiceIsAlreadyDoneNotAnError() throws {
        let refusal = try #require(InvitationLifecycle.refusal(.revoke, id: 3, email: EmailAddress("a@b.test"), status: .revoked))
        #expect(refusal.alreadyDone)
        #expect(refusal.message == "invitation #3 for a@b.test is already revoked")
        let resend = try #require(InvitationLifecycle.refusal(.resend, id: 3, email: EmailAddress("a@b.test"), status: .accepted))
        #expect(!resend.alreadyDone)
    }

    @Test func anUnusableAcceptGetsTheOneAnswer() throws {
        let refusal = InvitationLifecycle.refusal(.accept, id: 1, email: try EmailAddress("a@b.test"), status: .expired)
        #expect(refusal?.message == InvitationRules.unusableToken)
    }
}
