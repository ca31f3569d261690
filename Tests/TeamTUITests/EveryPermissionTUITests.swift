import Testing
@testable import TeamCore
@testable import TeamStore
@testable import TeamTUI
import TermUI

/// Issue 12's acceptance on the interface side: for each of the fifteen
/// permissions, an operator whose override revokes it does not get the keys
/// it guards (hidden, or greyed with the guard's sentence), and the same
/// operator with it granted does. The keys are asked of `Keymap.all`, so a
/// key whose availability stops asking the guard shows up here.
@Suite(.timeLimit(.minutes(10))) struct EveryPermissionTUITests {
    /// The key-table actions each permission guards; the two view keys are
    /// visibility (checked apart). Without one modify permission a new inbox
    /// may still be added (of the other visibility), so `n` goes only with add-inbox.
    static let guarded: [Permission: Set<ActionID>] = [
        .addInbox: [.inboxAdd],
        .removeInbox: [.inboxRemove],
        .modifyPrivateInbox: [.toggleAssignment, .bulkUnassign, .inboxRename, .inboxVisibility],
        .modifyPublicInbox: [.toggleAssignment, .bulkUnassign, .inboxRename, .inboxVisibility],
        .viewPrivateInbox: [],
        .viewPublicInbox: [],
        .modifyBilling: [.billingPlan, .billingSeats, .billingContact],
        .modifyTeam: [.groupCreate, .groupAddMember, .groupRemoveMember, .groupGrants, .groupRename, .groupDelete,
                      .bulkAddToGroup, .bulkRemoveFromGroup],
        .modifyTeamMember: [.changeRole, .overrideToggle],
        .addTeamMembers: [.invite, .resendInvitation, .revokeInvitation],
        .removeTeamMembers: [.toggleActive, .remove, .bulkReactivate],
        .updateContact: [.contactAdd, .contactRemove],
        .updateProperty: [.propertyAdd, .propertyChoices],
        .viewMessages: [.openThreads],
        .deleteMessages: [.deleteMessage, .deleteThread],
    ]

    /// An admin outranks the members they act on and holds, by role, all but
    /// the two message keys; nobody who may give delete-messages holds it, so
    /// its operator is a manager, who holds it by role (the "with" side).
    static func subject(_ permission: Permission) -> String {
        permission == .deleteMessages ? "mia@acme.test" : "adam@acme.test"
    }

    /// The started interface of `subject` after the owner's override (or, for
    /// a key the owner cannot give, the role's default), with a lower-ranked
    /// member selected, the pane on the inbox the permission is about, and
    /// that inbox's threads open.
    static func state(_ permission: Permission, held: Bool) throws -> AppState {
        let fixture = try TUIFixture()
        let email = try EmailAddress(subject(permission))
        let owner = try fixture.cli()
        if !held {
            _ = try owner.perform(.revokePermission(member: email, permission: permission))
        } else if try owner.session().operatorContext.facts.permissions.contains(permission) {
            _ = try owner.perform(.grantPermission(member: email, permission: permission))
        }
        var (state, runtime) = try fixture.app(as: subject(permission))
        #expect(state.session?.operatorContext.facts.permissions.contains(permission) == held)
        select("mo@acme.test", &state, runtime)
        state.focus = .inboxes
        let phone = permission == .modifyPrivateInbox ? "+14155550190" : "+14155550100"
        if let index = state.inboxes.all.firstIndex(where: { $0.inbox.phone.value == phone }) {
            state.inboxes.pane.selection = index
            state.inboxes.list.selection = index
            state.threads = ThreadsState(inbox: state.inboxes.all[index].inbox)
        }
        return state
    }

    static func availabilities(_ state: AppState) -> [ActionID: Availability] {
        Dictionary(Keymap.all.map { ($0.id, $0.availability(state)) }, uniquingKeysWith: { first, _ in first })
    }

    @Test(arguments: Permission.allCases)
    func theKeysAPermissionGuardsGoWithIt(_ permission: Permission) throws {
        let without = try Self.state(permission, held: false)
        let with = try Self.state(permission, held: true)
        if permission == .viewPrivateInbox || permission == .viewPublicInbox {
            return Self.visibility(permission, without: without, with: with)
        }
        let refused = Self.availabilities(without), allowed = Self.availabilities(with)
        let expected = try #require(Self.guarded[permission])
        for id in expected {
            let off = try #require(refused[id]), on = try #require(allowed[id])
            #expect(off.isHidden || off.reason?.contains("you need \(permission.rawValue)") == true,
                    "\(id) without \(permission.rawValue): \(off)")
            #expect(!on.isHidden && on.reason?.contains(permission.rawValue) != true, "\(id) with \(permission.rawValue): \(on)")
        }
        // Nothing else in the key table moves with this permission: the table above is the whole of it.
        let changed = Set(refused.keys.filter { refused[$0] != allowed[$0] })
        #expect(changed == expected, "\(permission.rawValue) changes \(changed.map(\.rawValue).sorted())")
    }

    /// The view keys: without one, its inboxes are not in the operator's
    /// lists (pane and inboxes view read the same list); with it, they are.
    static func visibility(_ permission: Permission, without: AppState, with: AppState) {
        let phones: Set<String> = permission == .viewPrivateInbox ? ["+14155550190"] : ["+14155550100", "+14155550101"]
        let hidden = Set(without.inboxes.all.map(\.inbox.phone.value)), shown = Set(with.inboxes.all.map(\.inbox.phone.value))
        #expect(hidden.isDisjoint(with: phones), "\(hidden)")
        #expect(phones.isSubset(of: shown), "\(shown)")
        #expect(hidden.union(phones) == shown, "only these inboxes go: \(hidden) vs \(shown)")
    }
}
