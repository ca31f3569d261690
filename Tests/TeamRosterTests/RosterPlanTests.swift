import Testing
import TeamCore
@testable import TeamRoster

/// The plan is a pure function of the workspace's roster and the file's.
@Suite(.timeLimit(.minutes(10))) struct RosterPlanTests {
    typealias S = RosterSamples
    let owner = S.email("owner@acme.test")

    func plan(_ current: Roster, _ desired: Roster, prune: Bool = false) throws -> RosterPlan {
        try RosterPlan.make(from: current, to: desired, prune: prune, operator: owner)
    }

    /// A workspace that has only its owner, as `init` leaves it.
    var fresh: Roster {
        Roster(members: [Roster.MemberEntry(email: owner, name: "Olive Owner", role: .workspaceAdmin, status: .active)])
    }

    @Test func aWorkspaceThatMatchesItsFileNeedsNothing() throws {
        for prune in [false, true] {
            let same = try plan(S.team, S.team, prune: prune)
            #expect(same.steps.isEmpty && same.waiting.isEmpty && same.notInvited.isEmpty)
        }
    }

    @Test func aFreshWorkspaceGetsInboxesGroupsAndInvitations() throws {
        let plan = try plan(fresh, S.team)
        #expect(plan.steps.map(\.text) == [
            "change admin's defaults: +view-messages",
            "add public inbox +14155550100 (Support)",
            "add private inbox +14155550190 (VIP)",
            "create group 'Night shift'",
            "group 'Night shift': grant view-private-inbox",
            "assign owner@acme.test to +14155550100",
            "invite ann@acme.test as agent to +14155550100, +14155550190",
            "invite ivy@acme.test as manager to +14155550100",
        ])
        #expect(plan.steps.map(\.needsEarlierStep) == [false, false, false, false, true, true, true, true])
        #expect(plan.steps[6].command == .invite(email: S.email("ann@acme.test"), role: .agent,
                                                 inboxes: [S.support.phone, S.vip.phone]))
        #expect(plan.waiting == [RosterPlan.Waiting(email: S.email("ann@acme.test"),
                                                    then: ["group 'Night shift'", "grant add-inbox", "revoke remove-team-members"])])
        #expect(plan.notInvited == [S.email("dee@acme.test")], "a deactivated member is never invited")
        #expect(plan.counts == "1 role default change, 2 inboxes added, 1 group created, 1 group change, 1 assignment, 2 invitations")
    }

    @Test func whatTheFileLeavesOutIsTakenAwayOnlyWithPrune() throws {
        var current = S.team
        current.members.append(Roster.MemberEntry(email: S.email("zed@acme.test"), name: "Zed", role: .member, status: .active))
        #expect(current.members[0].inboxes.contains(S.vip.phone))   // ann: to lose this inbox
        current.members[0].grants.insert(.addTeamMembers)        // ann: one more override
        current.groups.append(Roster.GroupEntry(name: "Old", grants: []))
        current.roles.append(Roster.RoleChange(role: .agent, added: [.addInbox], removed: []))
        current = current.sorted()
        var desired = S.team
        desired.members.removeAll { $0.email.value == "ivy@acme.test" || $0.email == owner }
        desired.members[0].inboxes = [S.support.phone]
        #expect(try plan(current, desired).steps.isEmpty)
        let pruned = try plan(current, desired, prune: true)
        #expect(pruned.steps.map(\.text) == [
            "unassign ann@acme.test from +14155550190",
            "drop ann@acme.test's override of add-team-members",
            "revoke the pending invitation of ivy@acme.test",
            "remove zed@acme.test",
            "delete group 'Old'",
            "change agent's defaults: -add-inbox",
        ])
        #expect(pruned.keptOperator == owner, "whoever applies the file is never removed by it")
    }

    @Test func aGroupOnAnInboxIsPutOnWithTheAccessAndTakenOffOnlyWithPrune() throws {
        var desired = S.team
        desired.groups[0].inboxes = [S.vip.phone]
        let onto = try plan(S.team, desired)
        #expect(onto.steps.map(\.text) == ["put group 'Night shift' on inbox +14155550190"])
        #expect(onto.steps.map(\.command) == [.assignGroup(group: try DisplayName("Night shift"), inbox: S.vip.phone)])
        #expect(onto.counts == "1 group put on an inbox")
        #expect(try plan(desired, S.team).steps.isEmpty, "without --prune a group stays on its inboxes")
        #expect(try plan(desired, S.team, prune: true).steps.map(\.text) == ["take group 'Night shift' off inbox +14155550190"])
        // It travels through the file and back.
        let text = RosterYAML.render(desired)
        #expect(text.contains("    grants: [view-private-inbox]\n    inboxes: [\"+14155550190\"]\n"))
        #expect(try RosterReader.read(text) == desired.sorted())
        let stray = text.replacingOccurrences(of: "inboxes: [\"+14155550190\"]", with: "inboxes: [\"+14155550199\"]")
        #expect(throws: (any Error).self) { try RosterReader.read(stray) }
    }

    @Test func raisingComesFirstAndLoweringLast() throws {
        var current = S.team
        current.members[0].role = .manager                        // ann (members are sorted by email): lowered to agent
        var desired = current
        desired.members = desired.members.map { member in
            var copy = member
            if member.email.value == "ann@acme.test" { copy.role = .agent; copy.inboxes = [S.support.phone, S.vip.phone] }
            if member.email.value == "dee@acme.test" { copy.role = .manager; copy.status = .active }
            return copy
        }
        current.members[0].inboxes = [S.support.phone]
        let texts = try plan(current, desired).steps.map(\.text)
        #expect(texts == [
            "change dee@acme.test's role from member to manager",
            "reactivate dee@acme.test",
            "assign ann@acme.test to +14155550190",
            "change ann@acme.test's role from manager to agent",
        ])
    }

    @Test func aPendingInvitationIsKeptWhenItMatchesAndReplacedWhenNot() throws {
        var current = S.team
        #expect(try plan(current, S.team).steps.isEmpty)
        current.members[current.members.firstIndex { $0.email.value == "ivy@acme.test" } ?? 0].role = .member
        #expect(try plan(current, S.team).steps.map(\.text)
                == ["invite ivy@acme.test again as manager to +14155550100 (replaces the pending invitation)"])
    }

    @Test func anExistingMemberIsChangedInPlace() throws {
        var desired = S.team
        desired.members[0].name = "Ann A. Agent"
        desired.members[0].groups = []
        desired.members[0].grants = [.addInbox, .viewMessages]
        desired.members[0].revokes = [.removeTeamMembers, .deleteMessages]
        desired.groups[0].grants = [.viewPrivateInbox, .updateContact]
        desired.inboxes[1].name = "VIP line"
        desired.inboxes[1].visibility = .public
        let texts = try plan(S.team, desired, prune: true).steps.map(\.text)
        #expect(texts == [
            "rename inbox +14155550190 to VIP line (was VIP)",
            "make inbox +14155550190 public (was private)",
            "group 'Night shift': grant update-contact",
            "rename ann@acme.test to Ann A. Agent (was Ann Agent)",
            "grant view-messages to ann@acme.test",
            "revoke delete-messages from ann@acme.test",
            "take ann@acme.test out of group 'Night shift'",
        ])
    }
}
