import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

@Suite(.timeLimit(.minutes(10))) struct StoreCommandTests {
    typealias F = StoreFixture

    @Test func everyChangeAppendsExactlyOneAuditEventAndNoOpsNone() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin, interface: .tui)
        let start = try fixture.auditCount()
        let changes: [TeamCommand] = [
            .assign(member: F.email(.agent), inbox: F.publicPhone),
            .unassign(member: F.email(.agent), inbox: F.publicPhone),
            .setRole(member: F.email(.member), role: .agent),
            .renameMember(member: F.email(.agent), name: try DisplayName("Agent Smith")),
            .deactivate(member: F.email(.manager)),
            .reactivate(member: F.email(.manager)),
            .renameInbox(phone: F.publicPhone, name: try DisplayName("Help desk")),
            .setInboxVisibility(phone: F.otherPublicPhone, visibility: .private),
            .removeInbox(phone: F.otherPublicPhone),
            .removeMember(member: F.email(.member)),
        ]
        for (index, command) in changes.enumerated() {
            let outcome = try admin.perform(command)
            #expect(outcome.changed, "\(command)")
            #expect(try fixture.auditCount() == start + index + 1, "\(command)")
        }
        let noOps: [TeamCommand] = [
            .unassign(member: F.email(.agent), inbox: F.publicPhone),
            .setRole(member: F.email(.admin), role: .admin),
            .reactivate(member: F.email(.manager)),
        ]
        for command in noOps {
            #expect(try !admin.perform(command).changed)
        }
        #expect(try fixture.auditCount() == start + changes.count)
    }

    @Test func auditEventsRecordWhoWhatAndBeforeAfter() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin, interface: .tui)
        _ = try admin.perform(.setRole(member: F.email(.agent), role: .manager))
        let event = try #require(try admin.auditEvents(limit: 1).first)
        #expect(event.action == "member.set-role")
        #expect(event.actor == F.email(.workspaceAdmin).value)
        #expect(event.osLogin == F.login(.workspaceAdmin))
        #expect(event.viaAs == false)
        #expect(event.interface == .tui)
        #expect(event.target == "agent@acme.test")
        #expect(event.before == #"{"role":"agent"}"#)
        #expect(event.after == #"{"role":"manager"}"#)
        #expect(abs(event.at.seconds - Int64(Date().timeIntervalSince1970)) < 600)
    }

    @Test func actingWithAsIsRecorded() throws {
        let fixture = try StoreFixture()
        let identity = OperatorIdentity(osLogin: "root", asEmail: F.email(.admin), interface: .cli)
        let workspace = try SQLiteWorkspace.open(path: fixture.path, identity: identity, options: StoreOptions())
        _ = try workspace.perform(.assign(member: F.email(.member), inbox: F.publicPhone))
        let event = try #require(try fixture.open(as: .workspaceAdmin).auditEvents(limit: 1).first)
        #expect(event.actor == F.email(.admin).value)
        #expect(event.osLogin == "root")
        #expect(event.viaAs)
    }

    @Test func theAuditTableRefusesUpdateAndDelete() throws {
        let fixture = try StoreFixture()
        let db = try fixture.open(as: .workspaceAdmin).db
        let count = try db.scalarInt("SELECT count(*) FROM audit")
        #expect(count > 0)
        #expect { try db.run("UPDATE audit SET action = 'forged'") } throws: { "\($0)".contains("append-only") }
        #expect { try db.run("DELETE FROM audit") } throws: { "\($0)".contains("append-only") }
        #expect(try db.scalarInt("SELECT count(*) FROM audit") == count)
        #expect(try db.scalarInt("SELECT count(*) FROM audit WHERE action = 'forged'") == 0)
    }

    @Test func aStaleEditIsRefusedNotOverwritten() throws {
        let fixture = try StoreFixture()
        let first = try fixture.open(as: .workspaceAdmin)
        let second = try fixture.open(as: .admin)
        let seen = try first.member(F.email(.agent)).member.version
        _ = try second.perform(.setRole(member: F.email(.agent), role: .member))
        #expect { try first.perform(.setRole(member: F.email(.agent), role: .manager, expectedVersion: seen)) } throws: { error in
            guard case .stale(let message) = error as? TeamError else { return false }
            return message.contains("changed by someone else")
        }
        #expect(try first.member(F.email(.agent)).member.role == .member)
    }

    @Test func refusalsChangeNothingAndNameTheRule() throws {
        let fixture = try StoreFixture()
        let agent = try fixture.open(as: .agent)
        let before = try fixture.stateOutsideRefusals()
        let cases: [(TeamCommand, GuardRule)] = [
            (.setRole(member: F.email(.member), role: .agent), .permissionMissing),
            (.removeMember(member: F.email(.manager)), .rank),
            (.addInbox(phone: try PhoneNumber("+14155550999"), name: try DisplayName("X"), visibility: .public), .permissionMissing),
        ]
        for (command, rule) in cases {
            #expect { try agent.perform(command) } throws: { error in
                guard case .refused(let refusal) = error as? TeamError else { return false }
                return refusal.rule == rule
            }
        }
        let admin = try fixture.open(as: .admin)
        #expect { try admin.perform(.setRole(member: F.email(.member), role: .workspaceAdmin)) } throws: { error in
            refusedRule(error) == .escalation
        }
        #expect(try fixture.stateOutsideRefusals() == before, "refusals change nothing but their audit rows")
    }

    @Test func theLastWorkspaceAdminCannotLeaveThroughTheStore() throws {
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        for command in [TeamCommand.setRole(member: F.email(.workspaceAdmin), role: .admin),
                        .deactivate(member: F.email(.workspaceAdmin)), .removeMember(member: F.email(.workspaceAdmin))] {
            #expect { try owner.perform(command) } throws: { error in
                refusedRule(error) == .lastWorkspaceAdmin
            }
        }
        _ = try owner.perform(.setRole(member: F.email(.admin), role: .workspaceAdmin))
        #expect(try owner.perform(.setRole(member: F.email(.workspaceAdmin), role: .admin)).changed)
    }

    @Test func hiddenInboxesReadExactlyLikeMissingOnes() throws {
        let fixture = try StoreFixture()
        let agent = try fixture.open(as: .agent)
        func message(_ phone: PhoneNumber) -> String? {
            do { _ = try agent.perform(.assign(member: F.email(.member), inbox: phone)); return nil } catch {
                return (error as? TeamError)?.description.replacingOccurrences(of: phone.value, with: "N")
            }
        }
        let hidden = message(F.privatePhone)
        let missing = message(try PhoneNumber("+14155550777"))
        #expect(hidden != nil)
        #expect(hidden == missing)
        #expect(try !agent.inboxes().contains { $0.inbox.phone == F.privatePhone })
        #expect(try agent.inboxes().count == 2)
    }

    @Test func assignedMembersSeeTheirPrivateInbox() throws {
        let fixture = try StoreFixture()
        _ = try fixture.open(as: .workspaceAdmin).perform(.assign(member: F.email(.agent), inbox: F.privatePhone))
        let agent = try fixture.open(as: .agent)
        #expect(try agent.inboxes().contains { $0.inbox.phone == F.privatePhone })
        #expect(try agent.member(F.email(.agent)).inboxes.map(\.phone) == [F.privatePhone])
    }

    @Test func decideAnswersWithoutChangingAnything() throws {
        let fixture = try StoreFixture()
        let manager = try fixture.open(as: .manager)
        let before = fixture.fileBytes()
        #expect(try manager.decide(.assign(member: F.email(.agent), inbox: F.privatePhone)) == .allowed)
        #expect(try manager.decide(.setRole(member: F.email(.agent), role: .member)).refusal?.rule == .permissionMissing)
        #expect(fixture.fileBytes() == before)
    }

    @Test func removingAnInboxTakesItsAssignmentsAlong() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        _ = try admin.perform(.assign(member: F.email(.agent), inbox: F.publicPhone))
        _ = try admin.perform(.removeInbox(phone: F.publicPhone))
        #expect(try admin.member(F.email(.agent)).inboxes.isEmpty)
        #expect(try admin.db.scalarInt("SELECT count(*) FROM assignments") == 0)
        let event = try #require(try admin.auditEvents(limit: 1).first)
        #expect(event.before?.contains("agent@acme.test") == true)
    }

    @Test func addingADuplicateInboxIsAConflict() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        #expect { try admin.perform(.addInbox(phone: F.publicPhone, name: DisplayName("Again"), visibility: .public)) } throws: { error in
            guard case .conflict(let message) = error as? TeamError else { return false }
            return message.contains("already exists")
        }
    }
}

/// The guard rule behind a refusal, if the error is one.
func refusedRule(_ error: any Error) -> GuardRule? {
    guard case .refused(let refusal) = error as? TeamError else { return nil }
    return refusal.rule
}
