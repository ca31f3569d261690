import TeamCore
import TermText
import TermUI

/// The invite window: email, role, inboxes (SPEC §4.3).
public struct InviteForm: Equatable {
    public enum Field: Int, CaseIterable, Equatable {
        case email, role, inboxes

        var scope: Scope {
            switch self {
            case .email: .inviteEmail
            case .role: .inviteRole
            case .inboxes: .inviteInboxes
            }
        }
    }

    public var email = TextField(maxLength: 254)
    /// Roles the guard lets this operator invite, highest first.
    public var roles: [Role]
    public var roleIndex: Int
    /// Inboxes the operator can see.
    public var inboxes: [Inbox]
    public var chosen: Set<InboxID> = []
    public var inboxCursor = 0
    public var field: Field = .email
    /// Set after a refused submit, until the next edit.
    public var error: String?

    public init(roles: [Role], inboxes: [Inbox]) {
        self.roles = roles
        self.inboxes = inboxes
        roleIndex = roles.firstIndex(of: .member) ?? max(0, roles.count - 1)
    }

    public var role: Role? { roles.indices.contains(roleIndex) ? roles[roleIndex] : nil }

    /// Inline validation of the email as typed (nil when fine or still empty).
    public var emailProblem: String? {
        let text = email.value
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do { _ = try EmailAddress(text); return nil } catch { return error.message }
    }

    /// The inboxes view changed under the open form: keep what still exists;
    /// returns the chosen ones that are gone (removed or hidden meanwhile).
    mutating func inboxesChanged(_ visible: [Inbox]) -> [Inbox] {
        let gone = inboxes.filter { chosen.contains($0.id) && !visible.map(\.id).contains($0.id) }
        inboxes = visible
        chosen.formIntersection(Set(visible.map(\.id)))
        inboxCursor = min(inboxCursor, max(0, visible.count - 1))
        return gone
    }
}

extension InviteForm {
    static let actions: [ActionSpec] = [
        ActionSpec(.inviteSend, keys: [k(.enter)], scopes: [.inviteWindow], label: "send",
                   help: "Send the invitation (the mail goes out at once)",
                   availability: { state in
                       guard let form = form(state), form.roles.isEmpty else { return .enabled }
                       return .disabled(reason: "you cannot invite any role")
                   }) { state, _ in
            edit(&state) { form in submit(&form) }
        },
        ActionSpec(.inviteNextField, keys: [k(.tab)], scopes: [.inviteWindow], label: "next field",
                   help: "Next field") { state, _ in
            edit(&state) { form in
                form.field = Field.allCases[(form.field.rawValue + 1) % Field.allCases.count]
                return []
            }
        },
        ActionSpec(.invitePreviousField, keys: [k(.backTab)], scopes: [.inviteWindow], label: "previous field",
                   help: "Previous field", inFooter: false) { state, _ in
            edit(&state) { form in
                form.field = Field.allCases[(form.field.rawValue + Field.allCases.count - 1) % Field.allCases.count]
                return []
            }
        },
        ActionSpec(.inviteCancel, keys: [k(.escape)], scopes: [.inviteWindow], label: "cancel",
                   help: "Close without inviting anyone") { state, _ in
            state.modal = nil
            state.status = StatusMessage("invitation cancelled", .info)
            return []
        },
        ActionSpec(.inviteEmailEdit, keys: [.text], scopes: [.inviteEmail], label: "type",
                   help: "Type or paste the email; it is checked as you type", inFooter: false) { state, key in
            if case .paste(let text) = key, addresses(in: text) > 1 {
                state.status = StatusMessage("pasted \(addresses(in: text)) addresses: invite one at a time here, or many at once with 'clerk-team invites import FILE'", .error)
                return []
            }
            return edit(&state) { form in
                if form.email.apply(key) { form.error = nil }
                return []
            }
        },
        // No wrap-around: a key too many must never turn "member" into "workspace-admin".
        ActionSpec(.inviteRoleNext, keys: [k("j"), k(.down), k("l"), k(.right)], scopes: [.inviteRole],
                   label: "lower role", help: "Next (lower) role", inFooter: false) { state, _ in
            edit(&state) { form in
                form.roleIndex = ListScroll.move(form.roleIndex, by: 1, count: form.roles.count)
                form.error = nil
                return []
            }
        },
        ActionSpec(.inviteRolePrevious, keys: [k("k"), k(.up), k("h"), k(.left)], scopes: [.inviteRole],
                   label: "higher role", help: "Previous (higher) role", inFooter: false) { state, _ in
            edit(&state) { form in
                form.roleIndex = ListScroll.move(form.roleIndex, by: -1, count: form.roles.count)
                form.error = nil
                return []
            }
        },
        ActionSpec(.inviteInboxDown, keys: [k("j"), k(.down)], scopes: [.inviteInboxes], label: "down",
                   help: "Next inbox", inFooter: false) { state, _ in
            edit(&state) { form in
                form.inboxCursor = ListScroll.move(form.inboxCursor, by: 1, count: form.inboxes.count)
                return []
            }
        },
        ActionSpec(.inviteInboxUp, keys: [k("k"), k(.up)], scopes: [.inviteInboxes], label: "up",
                   help: "Previous inbox", inFooter: false) { state, _ in
            edit(&state) { form in
                form.inboxCursor = ListScroll.move(form.inboxCursor, by: -1, count: form.inboxes.count)
                return []
            }
        },
        ActionSpec(.inviteInboxMark, keys: [k(" "), k("x")], scopes: [.inviteInboxes], label: "mark",
                   help: "Mark or unmark the inbox under the cursor") { state, _ in
            edit(&state) { form in
                guard form.inboxes.indices.contains(form.inboxCursor) else { return [] }
                let id = form.inboxes[form.inboxCursor].id
                if form.chosen.contains(id) { form.chosen.remove(id) } else { form.chosen.insert(id) }
                form.error = nil
                return []
            }
        },
    ]

    /// How many address-like words a paste holds (separated by spaces, commas, semicolons or lines).
    static func addresses(in text: String) -> Int {
        // "\r\n" is one Character: list it with the single ones.
        text.split { [" ", ",", ";", "\t", "\r", "\n", "\r\n"].contains($0) }.filter { $0.contains("@") }.count
    }

    static func form(_ state: AppState) -> InviteForm? {
        if case .invite(let form) = state.modal { return form }
        return nil
    }

    /// Runs `change` on the open form and puts it back, unless the change closed it.
    static func edit(_ state: inout AppState, _ change: (inout InviteForm) -> [Effect]) -> [Effect] {
        guard var form = form(state) else { return [] }
        let effects = change(&form)
        state.modal = .invite(form)
        return effects
    }

    /// Validates at the edge, then asks the core (which re-checks everything).
    static func submit(_ form: inout InviteForm) -> [Effect] {
        let email: EmailAddress
        do {
            email = try EmailAddress(form.email.value)
        } catch {
            form.error = error.message
            form.field = .email
            return []
        }
        guard let role = form.role else { return [] }
        let phones = form.inboxes.filter { form.chosen.contains($0.id) }.map(\.phone)
        return [.perform(.invite(email: email, role: role, inboxes: phones))]
    }

    // MARK: - The window

    /// The form's lines, top to bottom: email, its check, role, a gap, the
    /// inboxes label, the inboxes (eight at most), the error (wrapped: a row
    /// each). In a window too low for all of them, the form scrolls so the
    /// focused field shows.
    enum Line: Equatable { case email, check, role, gap, inboxesLabel, inbox(Int), error(Int) }

    static func lines(_ form: InviteForm, listRows: Int, errorRows: Int = 1) -> [Line] {
        [.email, .check, .role, .gap, .inboxesLabel] + (0..<listRows).map { .inbox($0) } + (0..<max(1, errorRows)).map { .error($0) }
    }

    /// The first line shown so the focused field (the inbox under the cursor) is on screen.
    static func firstLine(_ form: InviteForm, lines: [Line], height: Int, listOffset: Int) -> Int {
        let focused: Line = switch form.field {
        case .email: .email
        case .role: .role
        case .inboxes: .inbox(max(0, form.inboxCursor - listOffset))
        }
        let at = lines.firstIndex(of: focused) ?? 0
        return max(0, min(at - (height - 1) + (form.field == .email ? 1 : 0), lines.count - height, at))
    }

    static func draw(_ state: AppState, _ form: InviteForm, _ grid: inout Grid) -> Frame.Cursor? {
        let listRows = max(1, min(form.inboxes.count, 8))
        let area = state.layout.windowArea
        let why = form.error.map { Dialog.wrap([$0], toWidth: Dialog.innerWidth(66, in: area)) } ?? []
        let all = lines(form, listRows: listRows, errorRows: why.count)
        let inner = Dialog(title: "Invite a team member", width: 66, height: all.count + 2, hint: Footer.hint(state))
            .draw(&grid, in: area, glyphs: state.glyphs)
        guard inner.width > 10, inner.height > 0 else { return nil }
        let listOffset = ListScroll.offset(selection: form.inboxCursor, previousOffset: max(0, form.inboxCursor - listRows + 1),
                                           visibleRows: listRows, count: form.inboxes.count)
        let first = firstLine(form, lines: all, height: inner.height, listOffset: listOffset)
        let fieldWidth = inner.width - 9
        var cursor: Frame.Cursor?
        func label(_ text: String, _ field: Field, y: Int) {
            let active = form.field == field
            grid.put(text, x: inner.x, y: y, style: Style(active ? .accent : .muted, bold: active), maxWidth: 8)
        }
        for (row, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + row
            switch line {
            case .email:
                label("Email", .email, y: y)
                let input = TextInput(form.email, style: Style(.selectionInactive))
                    .draw(&grid, Rect(x: inner.x + 9, y: y, width: fieldWidth, height: 1))
                if form.field == .email { cursor = input }
            case .check:
                if let problem = form.emailProblem {
                    grid.putCell(problem, x: inner.x + 9, y: y, width: fieldWidth, style: Style(.warning), glyphs: state.glyphs)
                } else if !form.email.value.isEmpty {
                    grid.put(state.glyphs.check + " looks right", x: inner.x + 9, y: y, style: Style(.success), maxWidth: fieldWidth)
                }
            case .role:
                label("Role", .role, y: y)
                drawRoles(form, &grid, x: inner.x + 9, y: y, maxX: inner.maxX)
            case .gap:
                break
            case .inboxesLabel:
                label("Inboxes", .inboxes, y: y)
                grid.put("Space marks; none is fine", x: inner.x + 9, y: y, style: Style(.muted), maxWidth: fieldWidth)
            case .inbox(let slot):
                let index = listOffset + slot
                if form.inboxes.isEmpty && slot == 0 {
                    grid.put("(no inboxes you can see)", x: inner.x + 9, y: y, style: Style(.muted), maxWidth: fieldWidth)
                }
                guard index < form.inboxes.count else { continue }
                let inbox = form.inboxes[index]
                let mark = form.chosen.contains(inbox.id) ? state.glyphs.check : state.glyphs.unchecked
                let text = "\(state.glyphs.isUnicode ? "[" + mark + "]" : mark) \(inbox.displayPhone) \(inbox.name) (\(inbox.visibility.rawValue))"
                let style = Style(index == form.inboxCursor && form.field == .inboxes ? .selection : .normal)
                grid.putCell(text, x: inner.x + 9, y: y, width: fieldWidth, style: style, glyphs: state.glyphs)
            case .error(let index):
                if why.indices.contains(index) {
                    grid.put(why[index].text, x: inner.x, y: y, style: Style(.danger), maxWidth: inner.width)
                }
            }
        }
        return cursor
    }

    /// Every role on one line when it fits; else the chosen one with arrows showing there are more.
    static func drawRoles(_ form: InviteForm, _ grid: inout Grid, x start: Int, y: Int, maxX: Int) {
        var x = start
        let labels = form.roles.enumerated().map { index, role in
            index == form.roleIndex ? "(\(role.rawValue))" : " \(role.rawValue) "
        }
        let chosenStyle = Style(form.field == .role ? .selection : .accent, bold: true)
        if labels.reduce(0, { $0 + TerminalText.width(of: $1) + 1 }) <= maxX - x {
            for (index, text) in labels.enumerated() {
                x += grid.put(text, x: x, y: y, style: index == form.roleIndex ? chosenStyle : .normal) + 1
            }
        } else if let role = form.role {
            let before = form.roleIndex > 0 ? "< " : "  "
            let after = form.roleIndex < form.roles.count - 1 ? " >" : ""
            x += grid.put(before, x: x, y: y, style: Style(.muted))
            x += grid.put(role.rawValue, x: x, y: y, style: chosenStyle, maxWidth: maxX - x)
            grid.put(after, x: x, y: y, style: Style(.muted), maxWidth: maxX - x)
        }
    }
}
