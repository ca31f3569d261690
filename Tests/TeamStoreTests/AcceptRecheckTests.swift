import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// An invitation carries its inviter's authority only while the inviter still has it.
@Suite(.timeLimit(.minutes(10))) struct AcceptRecheckTests {
    typealias F = StoreFixture

    @Test func anInvitationDiesWithItsInvitersPowersAndStaysPendingForAReinvite() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .admin)
        let outcome = try admin.perform(.invite(email: EmailAddress("nora@example.com"), role: .manager,
                                                inboxes: [F.publicPhone]))
        let mail = try #require(outcome.queuedMail.first)
        let token = try fixture.token(ofMail: mail, admin)
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.setRole(member: F.email(.admin), role: .member))
        _ = try owner.perform(.deactivate(member: F.email(.admin)))

        #expect { try fixture.accept(token, login: "nora") } throws: { isUnusableToken($0) }
        #expect(try owner.invitations(status: .pending).map(\.invitation.email.value) == ["nora@example.com"])
        #expect(throws: TeamError.self) { try owner.member(EmailAddress("nora@example.com")) }
        // The log says which rule refused, where the invitee heard only "unusable".
        let refusal = try #require(try owner.auditEvents(limit: nil, refused: true).last)
        #expect(refusal.action == "invitation.accept" && refusal.target == "nora@example.com" && refusal.rule == "deactivated")

        // A re-invite by someone who still may give the role works.
        let again = try fixture.invite("nora@example.com", .manager)
        #expect(try fixture.accept(again.token, login: "nora").member.role == .manager)
    }

    @Test func anInviterWhoLostTheRoleRankCannotHaveItGiven() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .admin)
        let outcome = try admin.perform(.invite(email: EmailAddress("olav@example.com"), role: .manager, inboxes: []))
        let token = try fixture.token(ofMail: try #require(outcome.queuedMail.first), admin)
        // Still active, but now a manager: may no longer give manager.
        _ = try fixture.open(as: .workspaceAdmin).perform(.setRole(member: F.email(.admin), role: .manager))
        #expect { try fixture.accept(token, login: "olav") } throws: { isUnusableToken($0) }
    }
}
