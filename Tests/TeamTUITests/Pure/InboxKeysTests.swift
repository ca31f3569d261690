import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// The inboxes view's n/e/V/x: what each asks, the command it makes, and who gets the key.
@Suite struct InboxKeysTests {
    static let support = Sample.inboxes[0], vip = Sample.inboxes[2]

    /// `address` on the inboxes view with the inbox at `row` selected.
    static func onInboxes(as address: String = "olive@acme.test", row: Int = 0) -> AppState {
        var state = Sample.started(as: address)
        _ = App.update(&state, .key(.char("2")))
        state.inboxes.list.selection = row
        return state
    }

    static func type(_ text: String, _ state: inout AppState) {
        for character in text { _ = App.update(&state, .key(.char(character))) }
    }

    static func availability(_ id: ActionID, _ state: AppState) throws -> Availability {
        try #require(Keymap.all.first { $0.id == id }).availability(state)
    }

    @Test(arguments: [
        ("+1 (415) 555-0140 Front Desk", "+14155550140", "Front Desk", InboxVisibility.public),
        ("0044 20 7946 0150 London private", "+442079460150", "London", .private),
        ("+14155550142 Night Line PUBLIC", "+14155550142", "Night Line", .public),
        ("+1 415 555 0143 Mo's line individual", "+14155550143", "Mo's line", .private),
    ])
    func theNewInboxPromptReadsNumberNameAndVisibility(_ text: String, _ phone: String, _ name: String,
                                                       _ visibility: InboxVisibility) throws {
        #expect(try PromptParsing.inbox(text)
                == .addInbox(phone: PhoneNumber(stored: phone), name: try DisplayName(name), visibility: visibility), "\(text)")
    }

    @Test func aNewInboxWithoutANameOrANumberSaysWhy() {
        #expect(throws: ValidationError.self) { try PromptParsing.inbox("+1 415 555 0143 private") }
        #expect(throws: ValidationError.self) { try PromptParsing.inbox("Front Desk") }
    }

    @Test func nTypedAndEnterAddsTheInbox() throws {
        var state = Self.onInboxes()
        _ = App.update(&state, .key(.char("n")))
        #expect(state.modal == .prompt(Prompt(purpose: .addInbox)))
        Self.type("+1 415 555 0140 Front Desk private", &state)
        let effects = App.update(&state, .key(.enter))
        #expect(effects == [.perform(.addInbox(phone: Sample.phone("+14155550140"), name: try DisplayName("Front Desk"),
                                                visibility: .private))])
    }

    @Test func eOpensTheNameToEditAndRenames() throws {
        var state = Self.onInboxes()
        _ = App.update(&state, .key(.char("e")))
        guard case .prompt(let prompt) = state.modal else { Issue.record("no prompt"); return }
        #expect(prompt.field.value == "Support")
        Self.type(" desk", &state)
        let effects = App.update(&state, .key(.enter))
        #expect(effects == [.perform(.renameInbox(phone: Self.support.phone, name: try DisplayName("Support desk"),
                                                   expectedVersion: 1))])
    }

    @Test func vAsksWhoWillSeeItThenChangesTheVisibility() {
        var state = Self.onInboxes()
        _ = App.update(&state, .key(.char("V")))
        guard case .confirm(let question) = state.modal else { Issue.record("no question"); return }
        #expect(question.title == "Make inbox Support private?")
        #expect(question.lines.joined().contains("Only its members and those with view-private-inbox"))
        #expect(App.update(&state, .key(.char("y")))
                == [.perform(.setInboxVisibility(phone: Self.support.phone, visibility: .private, expectedVersion: 1))])

        var vip = Self.onInboxes(row: 2)
        _ = App.update(&vip, .key(.char("V")))
        guard case .confirm(let back) = vip.modal else { Issue.record("no question"); return }
        #expect(back.lines.joined().contains("Everyone with view-public-inbox"))
        #expect(App.update(&vip, .key(.char("n"))).isEmpty)
        #expect(vip.modal == nil)
    }

    @Test(arguments: ["+14155550100", "+1 (415) 555-0100"])
    func xRemovesOnlyOnceTheNumberIsTyped(_ typed: String) {
        var state = Self.onInboxes()
        _ = App.update(&state, .key(.char("x")))
        guard case .confirm(let question) = state.modal else { Issue.record("no question"); return }
        #expect(question.answer == .typed("+14155550100"))
        Self.type("+1 415", &state)
        #expect(App.update(&state, .key(.enter)).isEmpty, "a part of the number removes nothing")
        for _ in 0..<6 { _ = App.update(&state, .key(.backspace)) }
        Self.type(typed, &state)
        #expect(App.update(&state, .key(.enter)) == [.perform(.removeInbox(phone: Self.support.phone, expectedVersion: 1))])
    }

    /// A manager may do all four; an agent may rename a public inbox but
    /// never add, remove or make one private (hidden); a private inbox an
    /// agent cannot see is not theirs to touch.
    @Test func theKeysGoWithTheRole() throws {
        let manager = Self.onInboxes(as: "mia@acme.test")
        for id in [ActionID.inboxAdd, .inboxRename, .inboxVisibility, .inboxRemove] {
            #expect(try Self.availability(id, manager) == .enabled, "\(id)")
        }
        let agent = Self.onInboxes(as: "aga@acme.test")
        #expect(try Self.availability(.inboxRename, agent) == .enabled)
        for id in [ActionID.inboxAdd, .inboxVisibility, .inboxRemove] {
            #expect(try Self.availability(id, agent) == .hidden, "\(id)")
        }
        // Read-only: greyed with the reason, not hidden.
        var readOnly = Sample.started(as: "mia@acme.test", readOnly: .requested)
        _ = App.update(&readOnly, .key(.char("2")))
        #expect(try Self.availability(.inboxAdd, readOnly).reason != nil)
        #expect(try Self.availability(.inboxRemove, readOnly).reason != nil)
    }

    /// Someone who may change private inboxes but not public ones: on a
    /// public inbox `e` says the guard's reason instead of hiding, on a
    /// private one it works, and `n` stays (a private inbox may be added).
    @Test func onAnInboxTheRoleCannotChangeTheKeySaysWhy() throws {
        var state = Self.onInboxes(as: "mia@acme.test")
        state.session?.operatorContext.permissions.remove(.modifyPublicInbox)
        let rename = try Self.availability(.inboxRename, state)
        #expect(rename.reason == "you need modify-public-inbox to rename a public inbox", "\(rename)")
        state.inboxes.list.selection = 2
        #expect(try Self.availability(.inboxRename, state) == .enabled)
        #expect(try Self.availability(.inboxAdd, state) == .enabled, "a private inbox may still be added")
    }
}
