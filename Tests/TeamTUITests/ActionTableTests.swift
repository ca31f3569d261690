import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// The action table × guard invariant, for an operator of every role.
@Suite(.timeLimit(.minutes(10))) struct ActionTableTests {
    static let operators = ["olive@acme.test", "adam@acme.test", "mia@acme.test", "aga@acme.test", "mo@acme.test"]

    /// Every greyed key, for every role on every target, does nothing but
    /// say why. (What the footer lists is written out by hand in FooterListTests.)
    @Test(arguments: operators)
    func disabledKeysDoNothingButSayWhy(_ email: String) throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(as: email)
        for target in TUIFixture.people.map(\.0) + ["olive@acme.test"] {
            state.focus = .members
            select(target, &state, runtime)
            for focus in [AppState.Focus.members, .inboxes] {
                state.focus = focus
                for spec in Keymap.current(state) {
                    let availability = spec.availability(state)
                    guard !availability.isEnabled, let key = spec.keys.first?.example else { continue }
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
        let ids = Set(Keymap.footer(state).map(\.spec.id))
        #expect(!ids.contains(.invite))
        #expect(!ids.contains(.changeRole))
        #expect(!ids.contains(.remove))
        #expect(!ids.contains(.toggleActive))
        #expect(ids.contains(.help) && ids.contains(.quit))
    }

    /// Where keys go, most specific first: each pane with the keys of every
    /// screen, each window, each invite field with the window's keys.
    static let chains: [[Scope]] = [Scope.memberList, .inboxPane, .inboxList, .threadList, .threadView, .invitationList, .groupList, .roleMatrix, .auditList,
                                    .billingView, .contactList, .reviewList]
        .map { [$0, .anywhere, .always] }
        + [Scope.filter, .helpWindow, .messageWindow, .whoWindow, .memberWindow, .roleWindow, .confirmWindow, .typedConfirmWindow, .noAccess,
           .promptWindow, .grantsWindow, .paletteWindow].map { [$0, .always] }
        + [Scope.inviteEmail, .inviteRole, .inviteInboxes].map { [$0, .inviteWindow, .always] }

    @Test func everyActionHasAKeyAndNoKeyIsTakenTwiceWhereKeysGo() {
        for chain in Self.chains {
            let specs = chain.flatMap { scope in Keymap.all.filter { $0.scopes.contains(scope) } }
            for (index, spec) in specs.enumerated() {
                for other in specs[(index + 1)...] where other.id != spec.id {
                    let clash = spec.keys.contains { mine in other.keys.contains { overlap(mine, $0) } }
                    #expect(!clash, "\(spec.id) and \(other.id) share a key in \(chain)")
                }
            }
        }
        #expect(Keymap.all.allSatisfy { !$0.keys.isEmpty && !$0.help.isEmpty && !$0.scopes.isEmpty })
        #expect(Keymap.all.map(\.id).sorted { $0.rawValue < $1.rawValue } == ActionID.allCases.sorted { $0.rawValue < $1.rawValue },
                "every action is in the table exactly once")
        #expect(Set(Self.chains.flatMap { $0 }) == Set(Scope.allCases), "every scope is reachable")
    }

    /// The reference (`clerk-team keys`, README, manual) has a section for
    /// every scope a key is in: the billing, contacts and review views' keys
    /// were once missing from it.
    @Test func theKeyReferenceHasASectionForEveryScopeWithKeys() {
        let used = Set(Keymap.all.filter { $0.scopes != ListKeys.lists }.flatMap(\.scopes))
        #expect(used.subtracting(KeyReference.order).isEmpty, "\(used.subtracting(KeyReference.order).map(\.rawValue).sorted())")
        let titles = KeyReference.sections().map(\.title)
        #expect(titles.contains("Contacts view") && titles.contains("Billing view"))
    }

    func overlap(_ a: KeyPattern, _ b: KeyPattern) -> Bool {
        switch (a, b) {
        case (.key(let x), .key(let y)): x == y
        case (.text, .key(let key)), (.key(let key), .text): TextField.edits(key)
        case (.text, .paste), (.paste, .text): true
        default: a == b
        }
    }

    /// Every scope a state can be in is one of the chains above.
    @Test func theScopesOfAStateAreOneOfTheChains() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        var seen: [[Scope]] = [Keymap.scopes(state)]
        let walk: [Key] = [.tab, .tab, .char("/"), .escape, .char("?"), .escape, .enter, .escape, .char("r"), .escape,
                           .char("x"), .escape, .char("d"), .escape, .char("m"), .escape, .char("i"), .tab, .tab, .escape,
                           .char("v"), .char("v"), .char("4"), .char("n"), .escape, .char("5"), .char("6"), .char(":"), .escape, .char("w"), .escape,
                           .char("7"), .char("8"), .char("9"), .char("/"), .escape, .char("1")]
        for key in walk {
            runtime.press(key, into: &state)
            seen.append(Keymap.scopes(state))
        }
        state.modal = .grants(GroupGrants(group: GroupSummary(id: 1, name: "G", grants: [], memberCount: 0, version: 1)))
        seen.append(Keymap.scopes(state))
        state.modal = nil
        // An inbox's threads, then one thread (the fixture has no messages to open one by keys).
        let inbox = try #require(state.inboxes.all.first?.inbox)
        state.screen = .inboxes
        state.threads = ThreadsState(inbox: inbox)
        seen.append(Keymap.scopes(state))
        state.thread = ThreadState(inbox: inbox, contact: try PhoneNumber("+14155550123"))
        seen.append(Keymap.scopes(state))
        state.threads = nil
        state.thread = nil
        state.screen = .members
        state.modal = nil
        state.lostAccess = "deactivated"
        seen.append(Keymap.scopes(state))
        for chain in seen { #expect(Self.chains.contains(chain), "\(chain)") }
        let firsts = Set(seen.map { $0[0] })
        #expect(firsts == Set(Self.chains.map { $0[0] }), "the walk visits every chain: \(firsts)")
    }

    @Test func helpIsGeneratedFromTheTable() throws {
        let fixture = try TUIFixture()
        let (state, _) = try fixture.app(as: "mo@acme.test")
        let lines = HelpWindow.lines(state).map { $0.keys + " " + $0.text }
        #expect(lines.contains { $0.contains("Filter members") })
        #expect(!lines.contains { $0.contains("Invite a member") }, "hidden actions are not in the help")
        let admin = try fixture.app().0
        #expect(HelpWindow.lines(admin).contains { $0.text.contains("Invite a member") })
        #expect(lines.contains { $0.hasPrefix("Member window") }, "windows the operator can open are in the help")
        #expect(!lines.contains { $0.hasPrefix("Invite window") }, "windows a member cannot open are not")
        #expect(!lines.contains { $0.hasPrefix("Role window") })
        #expect(HelpWindow.lines(admin).contains { $0.keys == "Invite window, role field" })
    }
}

extension KeyPattern {
    /// A key this pattern answers, for pressing it in a test.
    var example: Key {
        switch self {
        case .key(let key): key
        case .text: .char("a")
        case .click: .mouseClick(x: 0, y: 0)
        case .wheel: .mouseScroll(down: true)
        case .paste: .paste("pasted")
        }
    }
}
