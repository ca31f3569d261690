import Testing
@testable import TeamCore
@testable import TeamStore
@testable import TeamTUI
import TermUI

/// `C` on the contacts view: a prompt (`Tier +bronze -silver`) read by a pure
/// function, run as one command, offered as the guard says.
@Suite(.timeLimit(.minutes(10))) struct PropertyChoicesTUITests {
    static let tier = try! DisplayName("Tier")

    @Test func thePromptReadsTheNameThenChoicesToAddAndRemove() throws {
        #expect(try PromptParsing.propertyChoices("Tier +bronze -silver")
                == .setPropertyChoices(name: Self.tier, add: ["bronze"], remove: ["silver"]))
        // Names and choices may have spaces; an unsigned word belongs to the choice before it.
        #expect(try PromptParsing.propertyChoices("  Next tier  -old one +Gold plus +copper ")
                == .setPropertyChoices(name: try DisplayName("Next tier"), add: ["Gold plus", "copper"], remove: ["old one"]))
        #expect(try PromptParsing.propertyChoices("Tier -silver") == .setPropertyChoices(name: Self.tier, add: [], remove: ["silver"]))
    }

    @Test func aPromptWithoutANameOrAChoiceOrWithABadChoiceSaysWhy() {
        let cases: [(String, String)] = [
            ("Tier", "type the property's name, then +NEW and -OLD choices: Tier +bronze -silver"),
            ("+bronze", "type the property's name, then +NEW and -OLD choices: Tier +bronze -silver"),
            ("", "type the property's name, then +NEW and -OLD choices: Tier +bronze -silver"),
            ("Tier +", "choice is empty: it has no visible character"),
            ("Tier +bronze +Bronze", "'Bronze' is given twice"),
            ("Tier +gold -GOLD", "'GOLD' is both added and removed; give it once"),
            ("name +gold", "'name' is a contact's own field, not a property"),
        ]
        for (text, message) in cases {
            #expect { try PromptParsing.propertyChoices(text) } throws: { ($0 as? ValidationError)?.message == message }
        }
    }

    static func contactsView(_ state: AppState = Sample.started()) -> AppState {
        var state = state
        state.screen = .contacts
        _ = App.update(&state, .contactsLoaded(Sample.contactListing))
        return state
    }

    @Test func cOpensThePromptAndEnterRunsTheCommandOrSaysWhyNot() {
        var store = TestStore(Self.contactsView())
        store.press(.char("C")) { $0.modal = .prompt(Prompt(purpose: .propertyChoices)) }
        for character in "Tier" { store.press(.char(character)) { Self.typed(character, &$0) } }
        store.press(.enter) {
            var prompt = Prompt(purpose: .propertyChoices, text: "Tier")
            prompt.error = "type the property's name, then +NEW and -OLD choices: Tier +bronze -silver"
            $0.modal = .prompt(prompt)
        }
        for character in " +bronze -silver" { store.press(.char(character)) { Self.typed(character, &$0) } }
        store.press(.enter, effects: [.perform(.setPropertyChoices(name: Self.tier, add: ["bronze"], remove: ["silver"]))]) {
            $0.status = PureUpdateTests.saving
        }
    }

    static func typed(_ character: Character, _ state: inout AppState) {
        guard case .prompt(var prompt) = state.modal else {
            Issue.record("expected .prompt, found \(String(describing: state.modal))")
            return
        }
        prompt.field.apply(.char(character)); prompt.error = nil
        state.modal = .prompt(prompt)
    }

    @Test func theKeyAsksTheGuardForUpdateProperty() throws {
        let spec = try #require(Keymap.all.first { $0.id == .propertyChoices })
        let allowed = Self.contactsView()
        #expect(spec.availability(allowed) == .enabled)
        #expect(Keymap.footer(allowed).contains { $0.spec.id == .propertyChoices })

        var without = Sample.started()
        without.session?.operatorContext.permissions.remove(.updateProperty)
        without = Self.contactsView(without)
        #expect(spec.availability(without) == .hidden, "a missing permission hides the key, as the guard says")
        var pressed = without
        #expect(App.update(&pressed, .key(.char("C"))).isEmpty)
        #expect(pressed.modal == nil)
        #expect(pressed.status == StatusMessage("choices: not available to your role", .error))

        let readOnly = Self.contactsView(Sample.started(readOnly: .requested))
        #expect(spec.availability(readOnly) == .disabled(reason: ReadOnlyReason.requested.sentence))
    }

    /// Through the real store: the change lands and the view reads the
    /// property again; a refusal (a held choice) is shown with its count.
    @Test func theChangeRunsAndARefusalIsShown() throws {
        let fixture = try TUIFixture()
        let owner = try fixture.cli()
        _ = try owner.perform(.addProperty(name: Self.tier, type: .choice, choices: ["gold", "silver"]))
        _ = try owner.perform(.addContact(phone: try PhoneNumber("+442079460123"), name: try DisplayName("Siobhán"),
                                          values: [PropertyAssignment(property: "Tier", value: "silver")]))
        var (state, runtime) = try fixture.app()
        runtime.press(.char("8"), .char("C"), into: &state)
        runtime.type("tier +bronze -gold", into: &state)
        runtime.press(.enter, into: &state)
        #expect(state.contacts.listing?.properties.map(\.typeLabel) == ["choice (silver, bronze)"])
        #expect(try owner.auditEvents(limit: 1).map(\.action) == ["property.set-choices"])

        runtime.press(.char("C"), into: &state)
        runtime.type("Tier -silver", into: &state)
        runtime.press(.enter, into: &state)
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("1 contact holds 'silver'; change their values first") == true, "\(String(describing: state.status))")
        #expect(state.contacts.listing?.properties.map(\.typeLabel) == ["choice (silver, bronze)"])
    }
}
