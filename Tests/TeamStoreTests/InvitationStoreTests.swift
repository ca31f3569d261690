import Foundation
import Testing
import TeamMail
import TestSupport
@testable import TeamCore
@testable import TeamStore

@Suite(.timeLimit(.minutes(10))) struct InvitationStoreTests {
    typealias F = StoreFixture

    @Test func onlyTheHashOfATokenReachesTheDatabaseWALAndSHM() throws {
        let fixture = try StoreFixture()
        // Keep a connection open so the -wal and -shm files exist while we look.
        let watcher = try fixture.open(as: .workspaceAdmin)
        let first = try fixture.invite("alice@example.com", inboxes: [F.publicPhone])
        let second = try fixture.invite("bob@example.com")
        _ = try fixture.open(as: .workspaceAdmin).perform(.resendInvitation(.id(second.invitation.id)))
        for suffix in ["", "-wal", "-shm"] {
            #expect(FileManager.default.fileExists(atPath: fixture.path + suffix), "\(suffix) missing")
        }
        var scanned = 0
        for suffix in ["", "-wal", "-shm"] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path + suffix))
            scanned += bytes.count
            for token in [first.token, second.token] {
                #expect(bytes.range(of: Data(token.utf8)) == nil, "token found in file\(suffix)")
                #expect(bytes.range(of: Data(token.uppercased().utf8)) == nil)
            }
        }
        #expect(scanned > 0)
        let hash = try #require(InvitationToken.parse(first.token)).hash
        #expect(try watcher.db.scalarInt("SELECT count(*) FROM invitations WHERE token_hash = ?", [SQLValue.blob(hash)]) == 1)
        for event in try watcher.auditEvents(limit: nil) {
            #expect(!"\(event)".contains(first.token) && !"\(event)".contains(second.token))
        }
        // The token does exist in the spool (0600), which is where the mail waits.
        let spoolFiles = watcher.spool.fileNames()
        #expect(!spoolFiles.isEmpty)
        for file in spoolFiles {
            let attributes = try FileManager.default.attributesOfItem(atPath: watcher.spool.path(file))
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test func acceptingMakesAnActiveMemberWithTheRoleAndInboxesOnce() throws {
        let fixture = try StoreFixture()
        let sent = try fixture.invite("Alice@Example.com", .manager, inboxes: [F.publicPhone, F.privatePhone])
        let outcome = try fixture.accept(sent.token, login: "alice", name: "Alice Liddell")
        #expect(outcome.member.email.value == "alice@example.com")
        #expect(outcome.member.role == .manager)
        #expect(outcome.member.login == "alice")
        #expect(outcome.member.status == .active)
        #expect(outcome.inboxes == [F.privatePhone, F.publicPhone].sorted())
        #expect(outcome.workspaceName == "Acme")
        let alice = try fixture.open(as: .workspaceAdmin).member(try EmailAddress("alice@example.com"))
        #expect(alice.member.name == "Alice Liddell")
        #expect(Set(alice.inboxes.map(\.phone)) == [F.publicPhone, F.privatePhone])
        // Single use: the same token again, even for another login, is refused.
        #expect { try fixture.accept(sent.token, login: "mallory") } throws: { isUnusableToken($0) }
        let listed = try fixture.open(as: .workspaceAdmin).invitations(status: nil)
        #expect(listed.first?.invitation.status == .accepted)
        let event = try #require(try fixture.open(as: .workspaceAdmin).auditEvents(limit: 1).first)
        #expect(event.action == "invitation.accept")
        #expect(event.actor == "alice@example.com")
        #expect(event.after?.contains("\"login\":\"alice\"") == true)
    }

    @Test func aTokenIsValidUntilTheSecondItExpires() throws {
        let fixture = try StoreFixture()
        let clock = TestClock()
        let early = try fixture.invite("early@example.com", clock: clock)
        let exact = try fixture.invite("exact@example.com", clock: clock)
        #expect(exact.invitation.expiresAt.seconds == clock.now.seconds + 7 * 86_400)
        clock.advance(by: 7 * 86_400 - 1)
        #expect(try fixture.accept(early.token, login: "early", clock: clock).member.role == .agent)
        clock.advance(by: 1)  // now == expires_at: expired
        #expect { try fixture.accept(exact.token, login: "exact", clock: clock) } throws: { isUnusableToken($0) }
        let listed = try fixture.open(as: .workspaceAdmin, clock: clock).invitations(status: .expired)
        #expect(listed.map(\.invitation.email.value) == ["exact@example.com"])
    }

    @Test func anExpiredInvitationCanBeRevokedAndThenNotResent() throws {
        let fixture = try StoreFixture()
        let clock = TestClock()
        _ = try fixture.invite("late@example.com", clock: clock)
        clock.advance(by: 8 * 86_400)
        let admin = try fixture.open(as: .workspaceAdmin, clock: clock)
        let ref = InvitationRef.email(try EmailAddress("late@example.com"))
        let outcome = try admin.perform(.revokeInvitation(ref))
        #expect(outcome.changed)
        #expect(try admin.invitations(status: .revoked).map(\.invitation.email.value) == ["late@example.com"])
        let again = try admin.perform(.revokeInvitation(ref))
        #expect(!again.changed && again.message.contains("already revoked"))
        #expect { try admin.perform(.resendInvitation(ref)) } throws: { "\($0)".contains("was revoked") }
    }

    @Test func everyUnusableTokenGetsTheSameAnswer() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        let clock = TestClock(Int64(Date().timeIntervalSince1970) - 30 * 86_400)
        let used = try fixture.invite("used@example.com")
        _ = try fixture.accept(used.token, login: "used")
        let revoked = try fixture.invite("revoked@example.com")
        _ = try admin.perform(.revokeInvitation(.email(try EmailAddress("revoked@example.com"))))
        let replaced = try fixture.invite("twice@example.com")
        try fixture.invite("twice@example.com")
        let expired = try fixture.invite("old@example.com", clock: clock)
        let tokens = [used.token, revoked.token, replaced.token, expired.token,
                      InvitationToken.generate().text, "not-a-token", "", String(repeating: "a", count: 52) + "\u{1b}[31m"]
        var answers = Set<String>()
        for token in tokens {
            do {
                _ = try fixture.accept(token, login: "prober")
                Issue.record("accepted \(token)")
            } catch {
                answers.insert("\(error)")
            }
        }
        #expect(answers == [InvitationRules.unusableToken])
    }

    @Test func resendingKillsTheOldTokenAndItsQueuedMail() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        let first = try fixture.invite("carol@example.com", inboxes: [F.publicPhone])
        let outcome = try admin.perform(.resendInvitation(.email(try EmailAddress("carol@example.com"))))
        #expect(outcome.message.contains("old one no longer works"))
        let newMail = try #require(outcome.queuedMail.first)
        let newToken = try fixture.token(ofMail: newMail, admin)
        #expect(newToken != first.token)
        #expect(try admin.db.first("SELECT status FROM outbox WHERE id = ?", [first.mail]) { $0.text(0) } == "cancelled")
        #expect { try fixture.accept(first.token, login: "carol") } throws: { isUnusableToken($0) }
        #expect(try fixture.accept(newToken, login: "carol").inboxes == [F.publicPhone])
        // Same invitation, same number: the list keeps one row for carol.
        #expect(try admin.invitations(status: nil).filter { $0.invitation.email.value == "carol@example.com" }.count == 1)
    }

    @Test func anExpiredInvitationCanBeResentUnlessANewerOneIsPending() throws {
        let fixture = try StoreFixture()
        let clock = TestClock()
        let admin = try fixture.open(as: .workspaceAdmin, clock: clock)
        let old = try fixture.invite("quin@example.com", clock: clock)
        clock.advance(by: 8 * 86_400)
        let revived = try admin.perform(.resendInvitation(.id(old.invitation.id)))
        #expect(revived.invitation?.expiresAt.seconds == clock.now.seconds + 7 * 86_400)
        let token = try fixture.token(ofMail: try #require(revived.queuedMail.first), admin)
        clock.advance(by: 8 * 86_400)
        let newer = try fixture.invite("quin@example.com", clock: clock)
        #expect { try admin.perform(.resendInvitation(.id(old.invitation.id))) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.contains("newer pending invitation #\(newer.invitation.id)")
        }
        #expect { try fixture.accept(token, login: "quin", clock: clock) } throws: { isUnusableToken($0) }
        #expect(try fixture.accept(newer.token, login: "quin", clock: clock).member.role == .agent)
    }

    @Test func revokingKillsTheTokenAndIsIdempotent() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        let sent = try fixture.invite("dave@example.com")
        let outcome = try admin.perform(.revokeInvitation(.id(sent.invitation.id)))
        #expect(outcome.changed)
        #expect(outcome.invitation?.status == .revoked)
        #expect { try fixture.accept(sent.token, login: "dave") } throws: { isUnusableToken($0) }
        #expect(try !admin.perform(.revokeInvitation(.id(sent.invitation.id))).changed)
        #expect { try admin.perform(.resendInvitation(.id(sent.invitation.id))) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.contains("was revoked")
        }
        #expect(try admin.auditEvents(limit: 1).first?.action == "invitation.revoke")
    }

    @Test func invitingAgainReplacesThePendingInvitationAndSaysSo() throws {
        let fixture = try StoreFixture()
        let first = try fixture.invite("erin@example.com", .member)
        let outcome = try fixture.open(as: .workspaceAdmin).perform(
            .invite(email: EmailAddress("erin@example.com"), role: .agent, inboxes: []))
        #expect(outcome.message.contains("replaces pending invitation #\(first.invitation.id)"))
        #expect { try fixture.accept(first.token, login: "erin") } throws: { isUnusableToken($0) }
        let pending = try fixture.open(as: .workspaceAdmin).invitations(status: .pending)
        #expect(pending.map(\.invitation.role) == [.agent])
    }

    @Test func membersCannotBeInvitedAndDeactivatedOnesAreSentToReactivate() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        #expect { try admin.perform(.invite(email: F.email(.agent), role: .member, inboxes: [])) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.contains("already an active member")
        }
        _ = try admin.perform(.deactivate(member: F.email(.member)))
        #expect { try admin.perform(.invite(email: F.email(.member), role: .member, inboxes: [])) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.contains("members reactivate member@acme.test")
        }
    }

    @Test func theGuardDecidesWhoMayInviteWhatWhere() throws {
        let fixture = try StoreFixture()
        let newcomer = try EmailAddress("newcomer@example.com")
        func rule(_ role: Role, _ invited: Role, _ inboxes: [PhoneNumber] = []) throws -> GuardRule? {
            do {
                _ = try fixture.open(as: role).perform(.invite(email: newcomer, role: invited, inboxes: inboxes))
                return nil
            } catch {
                return refusedRule(error)
            }
        }
        #expect(try rule(.agent, .member) == .permissionMissing)
        #expect(try rule(.manager, .member) == .permissionMissing)
        #expect(try rule(.member, .member) == .permissionMissing)
        #expect(try rule(.admin, .admin) == .escalation)
        #expect(try rule(.admin, .workspaceAdmin) == .escalation)
        #expect(try rule(.admin, .manager) == nil)
        #expect(try rule(.workspaceAdmin, .workspaceAdmin) == nil)
        // A private inbox the inviter cannot see reads exactly like a missing one.
        let admin = try fixture.open(as: .admin)
        try admin.db.run("INSERT INTO overrides (member_id, permission, effect) VALUES (?, 'view-private-inbox', 'revoke')",
                         [try admin.operatorContext().member.id])
        func message(_ phone: PhoneNumber) -> String {
            do {
                _ = try admin.perform(.invite(email: newcomer, role: .member, inboxes: [phone]))
                return "allowed"
            } catch {
                return "\(error)".replacingOccurrences(of: phone.value, with: "N")
            }
        }
        #expect(message(F.privatePhone) == message(try PhoneNumber("+14155550777")))
        #expect(message(F.privatePhone).contains("no inbox"))
    }

    @Test func aLoginJoinsOnce() throws {
        let fixture = try StoreFixture()
        let first = try fixture.invite("frank@example.com")
        let second = try fixture.invite("frank2@example.com")
        _ = try fixture.accept(first.token, login: "frank")
        #expect { try fixture.accept(second.token, login: "frank") } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.contains("already bound to member frank@example.com")
        }
        #expect { try fixture.accept(second.token, login: F.login(.agent)) } throws: { error in
            (error as? TeamError).map { "\($0)".contains("already bound") } ?? false
        }
        // The refused attempts did not use the token up.
        #expect(try fixture.accept(second.token, login: "frank-two").member.email.value == "frank2@example.com")
    }

    @Test func inboxesRemovedBeforeAcceptingAreSkippedAndReported() throws {
        let fixture = try StoreFixture()
        let sent = try fixture.invite("ivy@example.com", inboxes: [F.publicPhone, F.otherPublicPhone])
        _ = try fixture.open(as: .workspaceAdmin).perform(.removeInbox(phone: F.otherPublicPhone))
        let outcome = try fixture.accept(sent.token, login: "ivy")
        #expect(outcome.inboxes == [F.publicPhone])
        #expect(outcome.skippedInboxes == [F.otherPublicPhone])
    }

    @Test func theExpiryIsTheWorkspacesThenTheConfiguredDefault() throws {
        let fixture = try StoreFixture()
        let clock = TestClock()
        let admin = try fixture.open(as: .workspaceAdmin, clock: clock, mail: MailSettings(defaultExpiryDays: 2))
        var outcome = try admin.perform(.invite(email: EmailAddress("j1@example.com"), role: .member, inboxes: []))
        #expect(outcome.invitation?.expiresAt.seconds == clock.now.seconds + 2 * 86_400)
        #expect { try fixture.open(as: .agent).perform(.setInviteExpiry(days: 3)) } throws: { refusedRule($0) == .permissionMissing }
        #expect(try admin.perform(.setInviteExpiry(days: 3)).changed)
        #expect(try !admin.perform(.setInviteExpiry(days: 3)).changed)
        #expect { try admin.perform(.setInviteExpiry(days: 0)) } throws: { ($0 as? TeamError).map { "\($0)".contains("1 to 365") } ?? false }
        outcome = try admin.perform(.invite(email: EmailAddress("j2@example.com"), role: .member, inboxes: []))
        #expect(outcome.invitation?.expiresAt.seconds == clock.now.seconds + 3 * 86_400)
        #expect(try admin.auditEvents(limit: 2).map(\.action) == ["workspace.set-invite-expiry", "invitation.create"])
    }

    @Test func everyInvitationChangeAppendsOneAuditEvent() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        let start = try fixture.auditCount()
        let sent = try fixture.invite("kim@example.com")
        _ = try admin.perform(.resendInvitation(.id(sent.invitation.id)))
        _ = try admin.perform(.revokeInvitation(.id(sent.invitation.id)))
        let actions = try admin.auditEvents(limit: nil).dropFirst(start).map(\.action)
        #expect(actions == ["invitation.create", "invitation.resend", "invitation.revoke"])
    }

    @Test func aRefusedInviteLeavesNoSpoolFileAndNoRow() throws {
        let fixture = try StoreFixture()
        let agent = try fixture.open(as: .agent)
        #expect(throws: TeamError.self) { try agent.perform(.invite(email: EmailAddress("x@example.com"), role: .member, inboxes: [])) }
        #expect(agent.spool.fileNames().isEmpty)
        #expect(try agent.db.scalarInt("SELECT count(*) FROM invitations") == 0)
        #expect(try agent.db.scalarInt("SELECT count(*) FROM outbox") == 0)
    }
}
