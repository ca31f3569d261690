import Testing
@testable import TeamCore
@testable import TeamTUI

/// The footer, written out by hand for each role (shipped matrix) with an
/// agent and a deactivated member selected: the expectation is not built
/// the way the footer builds it, so a change to the key table or to the
/// guard shows up here as a different list. "(off)" marks a greyed key.
@Suite(.timeLimit(.minutes(10))) struct FooterListTests {
    /// With the agent Aga selected.
    static let members: [String: String] = [
        "olive@acme.test": "invite filter sort detail changeRole toggleActive remove mark focusNext switchView help quit",
        "adam@acme.test": "invite filter sort detail changeRole toggleActive remove mark focusNext switchView help quit",
        // Managers lack modify-team-member and remove-team-members: no role, activation or removal keys at all.
        "mia@acme.test": "filter sort detail mark focusNext switchView help quit",
        // The shipped agent holds remove-team-members but ranks no higher than its targets: greyed.
        "aga@acme.test": "filter sort detail toggleActive(off) remove(off) mark focusNext switchView help quit",
        "mo@acme.test": "filter sort detail mark focusNext switchView help quit",
    ]

    /// Where the deactivated member Sam selected differs: an agent outranks a member.
    static let onSam: [String: String] = [
        "aga@acme.test": "filter sort detail toggleActive remove mark focusNext switchView help quit",
    ]

    static let inboxPane: [String: String] = [
        "olive@acme.test": "invite toggleAssignment bulkUnassign(off) focusNext switchView help quit",
        "adam@acme.test": "invite toggleAssignment bulkUnassign(off) focusNext switchView help quit",
        "mia@acme.test": "toggleAssignment bulkUnassign(off) focusNext switchView help quit",
        "aga@acme.test": "toggleAssignment bulkUnassign(off) focusNext switchView help quit",
        // A member may change public inboxes, but not another member's: greyed by rank.
        "mo@acme.test": "toggleAssignment(off) bulkUnassign(off) focusNext switchView help quit",
    ]

    @Test(arguments: ActionTableTests.operators)
    func theFooterOfEachRoleIsTheWrittenList(_ email: String) throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(as: email)
        for target in ["aga@acme.test", "sam@acme.test"] {
            state.focus = .members
            select(target, &state, runtime)
            let expected = target == "sam@acme.test" ? Self.onSam[email] ?? Self.members[email] : Self.members[email]
            #expect(Self.listed(state) == expected, "\(email) on \(target)")
            state.focus = .inboxes
            #expect(Self.listed(state) == Self.inboxPane[email], "\(email) on \(target), inbox pane")
        }
    }

    static func listed(_ state: AppState) -> String {
        Keymap.footer(state).map { $0.spec.id.rawValue + ($0.availability.isEnabled ? "" : "(off)") }.joined(separator: " ")
    }
}
