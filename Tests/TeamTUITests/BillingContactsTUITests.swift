import Testing
@testable import TeamCore
@testable import TeamStore
@testable import TeamTUI
import TermUI

/// The billing and contacts views ask the one guard: what a permission can
/// never allow is hidden (view, keys, footer, help), what is not possible
/// now is disabled with the reason; untrusted text is drawn sanitised.
@Suite(.timeLimit(.minutes(10))) struct BillingContactsTUITests {
    func email(_ text: String) -> EmailAddress { EmailAddress(stored: text) }

    @Test func theBillingViewAndHeaderSeatsAreForHoldersOfModifyBilling() throws {
        let fixture = try TUIFixture()
        _ = try fixture.cli().perform(.setBilling(BillingUpdate(seatLimit: .some(50))))
        var (admin, runtime) = try fixture.app(as: "adam@acme.test")
        #expect(AppView.render(admin).grid.text().contains("seats 6/50"))
        runtime.press(.char("7"), into: &admin)
        #expect(admin.screen == .billing)
        #expect(admin.billing.summary?.seats.limit == 50)
        #expect(AppView.render(admin).grid.text().contains("Seat limit"))

        var (manager, managerRuntime) = try fixture.app(as: "mia@acme.test")
        #expect(!AppView.render(manager).grid.text().contains("seats"))
        managerRuntime.press(.char("7"), into: &manager)
        #expect(manager.screen == .members)
        #expect(manager.status == StatusMessage("billing: not available to your role", .error))
        // The view switch skips it, and the help teaches none of its keys.
        for _ in 0..<AppState.Screen.allCases.count {
            managerRuntime.press(.char("v"), into: &manager)
            #expect(manager.screen != .billing)
        }
        #expect(!HelpWindow.lines(manager).contains { $0.keys == Scope.billingView.title })
        #expect(HelpWindow.lines(admin).contains { $0.keys == Scope.billingView.title })
    }

    @Test func revokingModifyBillingHidesTheViewAndReadOnlyDisablesItsKeysWithTheReason() throws {
        let fixture = try TUIFixture()
        var (readOnly, runtime) = try fixture.app(as: "adam@acme.test", readOnly: .requested)
        runtime.press(.char("7"), into: &readOnly)
        #expect(readOnly.screen == .billing)
        for id in [ActionID.billingSeats, .billingPlan, .billingContact] {
            let spec = try #require(Keymap.all.first { $0.id == id })
            #expect(spec.availability(readOnly) == .disabled(reason: ReadOnlyReason.requested.sentence))
        }
        runtime.press(.char("s"), into: &readOnly)
        #expect(readOnly.modal == nil)
        #expect(readOnly.status?.text == "seats: \(ReadOnlyReason.requested.sentence)")

        // Another operator revokes it while the view is open: the view closes at the next session read.
        var (admin, adminRuntime) = try fixture.app(as: "adam@acme.test")
        adminRuntime.press(.char("7"), into: &admin)
        _ = try fixture.cli().perform(.revokePermission(member: email("adam@acme.test"), permission: .modifyBilling))
        adminRuntime.settle([.loadSession], &admin)
        #expect(admin.screen == .members)
        #expect(admin.billing == BillingState())
        let seats = try #require(Keymap.all.first { $0.id == .billingSeats })
        #expect(seats.availability(admin) == .hidden)
    }

    @Test func contactKeysFollowUpdateContactAndUpdateProperty() throws {
        let fixture = try TUIFixture()
        let owner = try fixture.cli()
        _ = try owner.perform(.addContact(phone: try PhoneNumber("+442079460123"), name: try DisplayName("Siobhán"), values: []))
        var (member, runtime) = try fixture.app(as: "mo@acme.test")
        runtime.press(.char("8"), into: &member)
        #expect(member.screen == .contacts)
        let footer = Set(Keymap.footer(member).map(\.spec.id))
        #expect(footer.isSuperset(of: [.contactFilter, .contactAdd, .contactRemove, .propertyAdd, .propertyChoices]))

        _ = try owner.perform(.revokePermission(member: email("mo@acme.test"), permission: .updateContact))
        _ = try owner.perform(.revokePermission(member: email("mo@acme.test"), permission: .updateProperty))
        runtime.settle([.loadSession], &member)
        let hidden = Set(Keymap.footer(member).map(\.spec.id))
        #expect(hidden.contains(.contactFilter), "every member may still read and filter contacts")
        #expect(hidden.isDisjoint(with: [.contactAdd, .contactRemove, .propertyAdd, .propertyChoices]))
        runtime.press(.char("n"), into: &member)
        #expect(member.modal == nil)
        #expect(member.status == StatusMessage("new contact: not available to your role", .error))
        #expect(!HelpWindow.lines(member).contains { $0.text.hasPrefix("Add a contact") })

        // With the permission but nothing selected, removing is disabled with the reason.
        var (admin, adminRuntime) = try fixture.app()
        adminRuntime.press(.char("8"), into: &admin)
        adminRuntime.press(.char("/"), into: &admin)
        adminRuntime.type("nobody", into: &admin)
        adminRuntime.press(.enter, into: &admin)
        #expect(admin.contacts.shown.isEmpty)
        #expect(ContactsScreen.removeAvailability(admin) == .disabled(reason: "no contact selected"))
    }

    @Test func addingAContactAndAPropertyFromTheViewRunsTheCommands() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        runtime.press(.char("8"), .char("P"), into: &state)
        runtime.type("Tier choice gold,silver", into: &state)
        runtime.press(.enter, into: &state)
        runtime.press(.char("n"), into: &state)
        runtime.type("+14155550177 Ana Lima", into: &state)
        runtime.press(.enter, into: &state)
        #expect(state.contacts.listing?.properties.map(\.typeLabel) == ["choice (gold, silver)"])
        #expect(state.contacts.listing?.contacts.map(\.name) == ["Ana Lima"])
        runtime.press(.char("x"), .char("y"), into: &state)
        #expect(state.contacts.listing?.contacts.isEmpty == true)
        #expect(try fixture.cli().auditEvents(limit: 3).map(\.action) == ["property.add", "contact.add", "contact.remove"])
    }

    @Test func theFilterKeepsMatchingContactsAndUntrustedTextIsDrawnSanitised() {
        var store = TestStore(Sample.started())
        store.send(.contactsLoaded(Sample.contactListing)) {
            $0.contacts.listing = Sample.contactListing
            $0.contacts.shown = [0, 1, 2]
        }
        var state = store.state
        state.screen = .contacts
        let text = AppView.render(state).grid.text()
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Evil\\x1b[2J"))
        #expect(text.contains("Siobhán"))
        state.contacts.filter = "SIO"
        state.contacts.applyFilter()
        #expect(state.contacts.shown == [1])
        #expect(state.contacts.selected?.name == "Siobhán Ní Bhriain")
    }

    /// `/` narrows the contacts with every key, as the member filter does; Esc puts the filter back.
    @Test func theFilterNarrowsAsItIsTypedAndEscPutsItBack() {
        var state = Sample.started()
        state.screen = .contacts
        state.contacts.listing = Sample.contactListing
        state.contacts.applyFilter()
        for key in [Key.char("/"), .char("s"), .char("i"), .char("o")] { _ = App.update(&state, .key(key)) }
        #expect(state.contacts.shown == [1], "narrowed before Enter")
        #expect(state.contacts.filter == "sio")
        _ = App.update(&state, .key(.escape))
        #expect(state.modal == nil)
        #expect(state.contacts.filter == "" && state.contacts.shown == [0, 1, 2], "Esc puts the filter back")
        for key in [Key.char("/"), .char("e"), .char("v"), .char("i"), .char("l"), .enter] { _ = App.update(&state, .key(key)) }
        #expect(state.contacts.shown == [2] && state.contacts.filter == "evil", "Enter keeps it")
    }

    @Test func promptsReadANewContactAndANewProperty() throws {
        #expect(try PromptParsing.contact(" +14155550177  Ana Lima ")
                == .addContact(phone: try PhoneNumber("+14155550177"), name: try DisplayName("Ana Lima"), values: []))
        #expect(try PromptParsing.property("Next renewal date")
                == .addProperty(name: try DisplayName("Next renewal"), type: .date, choices: []))
        #expect(try PromptParsing.property("Tier choice gold, silver")
                == .addProperty(name: try DisplayName("Tier"), type: .choice, choices: ["gold", "silver"]))
        #expect(throws: ValidationError.self) { try PromptParsing.property("Tier") }
        #expect(throws: ValidationError.self) { try PromptParsing.contact("4155550177") }
    }

    @Test func billingAndContactsViewSnapshots() throws {
        let fixture = try TUIFixture()
        let owner = try fixture.cli()
        _ = try owner.perform(.setBilling(BillingUpdate(plan: try DisplayName("Pro"), seatLimit: .some(10),
                                                        contact: try EmailAddress("bills@acme.test"))))
        _ = try owner.perform(.addProperty(name: try DisplayName("Tier"), type: .choice, choices: ["gold", "silver"]))
        _ = try owner.perform(.addContact(phone: try PhoneNumber("+442079460123"), name: try DisplayName("Siobhán Ní Bhriain"),
                                          values: [PropertyAssignment(property: "Tier", value: "gold")]))
        _ = try owner.perform(.addContact(phone: try PhoneNumber("+81312345678"), name: try DisplayName("山田 花子"), values: []))
        var (state, runtime) = try fixture.app()
        runtime.press(.char("7"), into: &state)
        Snapshot.assert(AppView.render(state).grid, named: "billing-100x30")
        runtime.press(.char("8"), into: &state)
        Snapshot.assert(AppView.render(state).grid, named: "contacts-100x30")
    }
}
