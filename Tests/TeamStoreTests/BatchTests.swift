import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// Several changes as one: one transaction, guard per change, one batch id.
@Suite(.timeLimit(.minutes(10))) struct BatchTests {
    static let targets: [Role] = [.workspaceAdmin, .manager, .agent, .member]

    func assignments(_ fixture: StoreFixture) -> [TeamCommand] {
        Self.targets.map { .assign(member: StoreFixture.email($0), inbox: StoreFixture.publicPhone) }
    }

    @Test func aPartialBatchMakesTheAllowedChangesAndNamesTheRefusals() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .admin)
        let before = try fixture.auditCount()
        let outcome = try admin.performBatch(assignments(fixture), partial: true)
        #expect(outcome.changed == 3)
        #expect(outcome.refused.map(\.rule) == ["rank"], "the workspace-admin outranks an admin")
        #expect(outcome.summary == "3 changed; 1 refused: rank (1)")
        let events = try fixture.open(as: .workspaceAdmin).auditEvents(limit: nil).dropFirst(before)
        #expect(events.count == 3, "one event per change")
        #expect(events.allSatisfy { $0.after?.contains("\"batch\":\"\(outcome.batch)\"") == true }, "grouped under one batch id")
        let members = try fixture.open(as: .workspaceAdmin).inboxes().first { $0.inbox.phone == StoreFixture.publicPhone }?.members
        #expect(Set(members?.map(\.value) ?? []) == Set(["manager@acme.test", "agent@acme.test", "member@acme.test"]))
    }

    @Test func anAllOrNothingBatchWithARefusalChangesNothing() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .admin)
        let before = try fixture.auditCount()
        #expect { try admin.performBatch(assignments(fixture), partial: false) } throws: { error in
            "\(error)".contains("nothing changed: 1 of 4 would be refused (rank (1))")
        }
        #expect(try fixture.auditCount() == before)
        #expect(try fixture.open(as: .workspaceAdmin).inboxes().first { $0.inbox.phone == StoreFixture.publicPhone }?.members == [])
    }

    @Test func laterChangesSeeEarlierOnes() throws {
        // Two workspace-admins demoted in one batch by one of them: the second demotion is the last admin's.
        let fixture = try StoreFixture()
        let owner = try fixture.open(as: .workspaceAdmin)
        _ = try owner.perform(.setRole(member: StoreFixture.email(.admin), role: .workspaceAdmin))
        let outcome = try owner.performBatch([.setRole(member: StoreFixture.email(.admin), role: .admin),
                                              .setRole(member: StoreFixture.email(.workspaceAdmin), role: .admin)], partial: true)
        #expect(outcome.changed == 1)
        #expect(outcome.refused.map(\.rule) == ["last-workspace-admin"])
    }

    @Test func decideAllAnswersEachWithoutChangingAnything() throws {
        let fixture = try StoreFixture()
        let before = try fixture.auditCount()
        let answers = try fixture.open(as: .admin).decideAll(assignments(fixture))
        #expect(answers.map { (try? $0.get())?.isAllowed == true } == [false, true, true, true])
        #expect(try fixture.auditCount() == before)
    }
}
