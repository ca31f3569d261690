import TeamCore
import TermUI

/// A one-line question: a group's name, a member's email. Checked at the
/// edge as typed; Enter asks the core, which checks everything again.
public struct Prompt: Equatable {
    public enum Purpose: Equatable {
        case createGroup
        case renameGroup(String)
        case addToGroup(String)
        case removeFromGroup(String)
        case bulkAddToGroup
        case bulkRemoveFromGroup
        case auditFilter
        case contactFilter
        case addContact
        case addInbox
        case renameInbox(Inbox)
        case addProperty
        case propertyChoices
        case billingPlan
        case billingSeats
        case billingContact
    }

    public var purpose: Purpose
    public var field = TextField(maxLength: 254)
    public var error: String?

    public init(purpose: Purpose) { self.purpose = purpose }

    /// A question with an answer already typed (the current value), to edit.
    public init(purpose: Purpose, text: String) {
        self.purpose = purpose
        field = TextField(text, maxLength: 254)
    }

    var title: String {
        switch purpose {
        case .createGroup: "New group"
        case .renameGroup(let name): "Rename group \(name)"
        case .addToGroup(let name): "Add a member to \(name)"
        case .removeFromGroup(let name): "Take a member out of \(name)"
        case .bulkAddToGroup: "Add the marked members to a group"
        case .bulkRemoveFromGroup: "Take the marked members out of a group"
        case .auditFilter: "Filter the audit log (empty: everything)"
        case .contactFilter: "Filter contacts (empty: everyone)"
        case .addContact: "New contact: NUMBER NAME (e.g. +1 415 555 0140 Ann Lee)"
        case .addInbox: "New inbox: NUMBER NAME [public|private] (public if left out)"
        case .renameInbox(let inbox): "Rename inbox \(inbox.displayPhone)"
        case .addProperty: "New property: NAME TYPE [CHOICES] (text, number, date, choice a,b)"
        case .propertyChoices: "Change choices: NAME +NEW -OLD (e.g. Tier +bronze -silver)"
        case .billingPlan: "The plan's name"
        case .billingSeats: "Seat limit (a number, or none)"
        case .billingContact: "Billing contact (an email)"
        }
    }

    var label: String {
        switch purpose {
        case .createGroup, .renameGroup, .bulkAddToGroup, .bulkRemoveFromGroup: "Name"
        case .addToGroup, .removeFromGroup: "Email"
        case .auditFilter, .contactFilter: "Filter"
        case .addContact: "Contact"
        case .addInbox: "Inbox"
        case .renameInbox: "Name"
        case .addProperty, .propertyChoices: "Property"
        case .billingPlan: "Plan"
        case .billingSeats: "Seats"
        case .billingContact: "Email"
        }
    }

    /// What an answer is: a command to run, a group's name for the marked
    /// members, or the audit view's filter.
    enum Answer: Equatable {
        case command(TeamCommand)
        case group(DisplayName)
        case auditFilter(String)
        case contactFilter(String)
    }

    /// What the typed text means, or why it means nothing.
    func answer() -> Result<Answer, ValidationError> {
        do throws(ValidationError) {
            let text = field.value
            switch purpose {
            case .createGroup:
                return .success(.command(.createGroup(name: try Group.validName(text))))
            case .renameGroup(let name):
                return .success(.command(.renameGroup(group: try Group.validName(name), to: try Group.validName(text))))
            case .addToGroup(let name):
                return .success(.command(.addToGroup(group: try Group.validName(name), member: try EmailAddress(text))))
            case .removeFromGroup(let name):
                return .success(.command(.removeFromGroup(group: try Group.validName(name), member: try EmailAddress(text))))
            case .bulkAddToGroup, .bulkRemoveFromGroup:
                return .success(.group(try Group.validName(text)))
            case .auditFilter:
                _ = try AuditQuery.parse(text)
                return .success(.auditFilter(text.trimmingCharacters(in: .whitespaces)))
            case .contactFilter:
                return .success(.contactFilter(text.trimmingCharacters(in: .whitespaces)))
            case .addContact:
                return .success(.command(try PromptParsing.contact(text)))
            case .addInbox:
                return .success(.command(try PromptParsing.inbox(text)))
            case .renameInbox(let inbox):
                return .success(.command(.renameInbox(phone: inbox.phone, name: try DisplayName(text), expectedVersion: inbox.version)))
            case .addProperty:
                return .success(.command(try PromptParsing.property(text)))
            case .propertyChoices:
                return .success(.command(try PromptParsing.propertyChoices(text)))
            case .billingPlan:
                return .success(.command(.setBilling(BillingUpdate(plan: try DisplayName(text, field: "plan")))))
            case .billingSeats:
                return .success(.command(.setBilling(BillingUpdate(seatLimit: .some(try SeatRule.parseLimit(text))))))
            case .billingContact:
                return .success(.command(.setBilling(BillingUpdate(contact: try EmailAddress(text)))))
            }
        } catch {
            return .failure(error)
        }
    }
}

extension Prompt {
    static let actions: [ActionSpec] = [
        ActionSpec(.promptSubmit, keys: [k(.enter)], scopes: [.promptWindow], label: "ok", help: "Go ahead") { state, _ in
            guard case .prompt(var prompt) = state.modal else { return [] }
            switch prompt.answer() {
            case .success(.command(let command)):
                return [.perform(command)]
            case .success(.group(let name)):
                state.modal = nil
                return Marks.prepare(prompt.purpose == .bulkAddToGroup ? .addToGroup(name.value) : .removeFromGroup(name.value), &state)
            case .success(.auditFilter(let filter)):
                state.modal = nil
                state.audit.filter = filter
                state.audit.list = ListState()
                return (try? AuditScreen.query(filter)).map { [.loadAudit($0)] } ?? []
            case .success(.contactFilter(let filter)):
                state.modal = nil
                state.contacts.filter = filter
                state.contacts.applyFilter()
                return []
            case .failure(let error):
                prompt.error = error.message
                state.modal = .prompt(prompt)
                return []
            }
        },
        ActionSpec(.promptCancel, keys: [k(.escape)], scopes: [.promptWindow], label: "cancel",
                   help: "Close without changing anything") { state, _ in
            if case .prompt(let prompt) = state.modal, prompt.purpose == .contactFilter {
                state.contacts.filter = state.contacts.filterBeforeEdit
                state.contacts.applyFilter()
            }
            state.modal = nil
            state.status = StatusMessage("cancelled; nothing changed", .info)
            return []
        },
        ActionSpec(.promptType, keys: [.text], scopes: [.promptWindow], label: "type", help: "Type or paste the answer",
                   inFooter: false) { state, key in
            guard case .prompt(var prompt) = state.modal else { return [] }
            if prompt.field.apply(key) { prompt.error = nil }
            state.modal = .prompt(prompt)
            // The contacts narrow as the filter is typed, as the member list does.
            if prompt.purpose == .contactFilter {
                state.contacts.filter = prompt.field.value.trimmingCharacters(in: .whitespaces)
                state.contacts.applyFilter()
            }
            return []
        },
    ]

    static let width = 60

    static func draw(_ state: AppState, _ prompt: Prompt, _ grid: inout Grid) -> Frame.Cursor? {
        let area = state.layout.windowArea
        // Why the answer is refused, wrapped under the field: the window grows to hold it.
        let why = prompt.error.map { Dialog.wrap([$0], toWidth: Dialog.innerWidth(width, in: area)) } ?? []
        let inner = Dialog(title: prompt.title, width: width, height: max(5, why.count + 4), hint: Footer.hint(state))
            .draw(&grid, in: area, glyphs: state.glyphs)
        guard inner.width > 10, inner.height > 0 else { return nil }
        grid.put(prompt.label, x: inner.x, y: inner.y, style: Style(.accent, bold: true), maxWidth: 8)
        let cursor = TextInput(prompt.field, style: Style(.selectionInactive))
            .draw(&grid, Rect(x: inner.x + 8, y: inner.y, width: inner.width - 8, height: 1))
        let shown = Dialog.fit(why, count: max(0, inner.height - 1), width: inner.width, ellipsis: state.glyphs.ellipsis)
        for (row, line) in shown.enumerated() {
            grid.put(line.text, x: inner.x, y: inner.y + 1 + row, style: Style(.danger), maxWidth: inner.width)
        }
        return cursor
    }
}
