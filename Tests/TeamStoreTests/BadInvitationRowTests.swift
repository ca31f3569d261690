import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// One hand-edited row must not hide every other invitation.
@Suite(.timeLimit(.minutes(10))) struct BadInvitationRowTests {
    @Test func theGoodRowsAreListedAndTheBadOneIsNamed() throws {
        let fixture = try StoreFixture()
        try fixture.invite("good1@example.com")
        try fixture.invite("broken@example.com")
        try fixture.invite("good2@example.com")
        #expect(AuditChainTests.handEdit(fixture.path, "UPDATE invitations SET email = 'not an email' WHERE id = 2").ok)
        let admin = try fixture.open(as: .workspaceAdmin)
        let listing = try admin.invitationListing(status: nil)
        #expect(listing.invitations.map(\.invitation.email.value) == ["good2@example.com", "good1@example.com"])
        #expect(listing.problems.count == 1)
        #expect(listing.problems.first?.contains("invitation #2") == true)
        // The old call (the interface's) still lists the good rows instead of failing.
        #expect(try admin.invitations(status: nil).count == 2)
    }
}
