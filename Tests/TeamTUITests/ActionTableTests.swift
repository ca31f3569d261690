import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// The action table × guard invariant, for an operator of every role.
@Suite struct ActionTableTests {
    static let operators = ["olive@acme.test", "adam@acme.test", "mia@acme.test", "aga@acme.test", "mo@acme.test"]

    @Test(arguments: operators)
    func footerShowsExactlyWhatIsNotHiddenAndDisabledKeysDoNothing(_ email: String) throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(as: email)
        for target in TUIFixture.people.map(\.0) + ["olive@acme.test"] {
            state.focus = .members
            select(target, &state, runtime)
            for focus in [AppState.Focus.members, .inboxes] {
                state.focus = focus
                let footer = ActionTable.footer(state)
                let expected = ActionTable.current(state).filter { $0.inFooter && !$0.availability(state).isHidden }
                #expect(footer.map(\.spec.id) == expected.map(\.id))
                for spec in ActionTable.current(state) {
                    let availability = spec.availability(state)
                    guard !availability.isEnabled, let key = spec.keys.first else { continue }
                    var probe = state
                    #expect(App.update(&probe, .key(key)).isEmpty, "\(email) → \(target): \(spec.id) must do nothing")
                    #expect(probe.modal == nil)
                    #expect(probe.status?.kind == .error)
                }
            }
        }
    }

    @Test func aMemberSeesNoInviteRoleOrRemove() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(as: "mo@acme.test")
        select("sam@acme.test", &state, runtime)
        let ids = Set(ActionTable.footer(state).map(\.spec.id))
        #expect(!ids.contains(.invite))
        #expect(!ids.contains(.changeRole))
        #expect(!ids.contains(.remove))
        #expect(!ids.contains(.toggleActive))
        #expect(ids.contains(.help) && ids.contains(.quit))
    }

    @Test func everyActionHasAKeyAndNoKeyIsTakenTwiceInAScope() {
        for scope in Scope.allCases {
            let specs = ActionTable.all.filter { $0.scopes.contains(scope) || $0.scopes.contains(.global) }
            let keys = specs.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(scope)")
        }
        #expect(ActionTable.all.allSatisfy { !$0.keys.isEmpty && !$0.help.isEmpty })
        #expect(Set(ActionTable.all.map(\.id)) == Set(ActionID.allCases))
    }

    @Test func helpIsGeneratedFromTheTable() throws {
        let fixture = try TUIFixture()
        let (state, _) = try fixture.app(as: "mo@acme.test")
        let lines = ModalView.helpLines(state).map { $0.0 + " " + $0.1 }
        #expect(lines.contains { $0.contains("Filter members") })
        #expect(!lines.contains { $0.contains("Invite a member") }, "hidden actions are not in the help")
        let admin = try fixture.app().0
        #expect(ModalView.helpLines(admin).contains { $0.1.contains("Invite a member") })
    }
}
