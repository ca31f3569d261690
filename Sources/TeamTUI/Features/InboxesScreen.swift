import TeamCore
import TermText
import TermUI

/// The inboxes view: each inbox with its members, to see who is on a shared number.
/// Besides the list keys: add, rename, make public or private, and remove an
/// inbox, as the command line does, each as the guard allows.
enum InboxesScreen {
    static let actions: [ActionSpec] = [
        ActionSpec(.inboxAdd, keys: [k("n")], scopes: [.inboxList], label: "new inbox",
                   help: "Add an inbox: its number, name, then public (the default) or private", priority: 2,
                   availability: { addAvailability($0) }) { state, _ in
            state.modal = .prompt(Prompt(purpose: .addInbox))
            return []
        },
        ActionSpec(.inboxRename, keys: [k("e")], scopes: [.inboxList], label: "rename",
                   help: "Rename the selected inbox", priority: 3,
                   availability: { onSelected($0) { .renameInbox($0) } }) { state, _ in
            guard let inbox = selected(state) else { return [] }
            state.modal = .prompt(Prompt(purpose: .renameInbox(inbox), text: inbox.name))
            return []
        },
        ActionSpec(.inboxVisibility, keys: [k("V")], scopes: [.inboxList], label: "public/private",
                   help: "Make the selected inbox private if public, public if private (asks y/N)", priority: 4,
                   availability: { onSelected($0) { .setInboxVisibility($0, to: flipped($0.visibility)) } }) { state, _ in
            guard let inbox = selected(state) else { return [] }
            let new = flipped(inbox.visibility)
            state.modal = .confirm(Confirmation(
                title: "Make inbox \(TerminalText.sanitize(inbox.name)) \(new.rawValue)?",
                lines: [new == .public
                    ? "Everyone with view-public-inbox will see it and its members, not only those assigned."
                    : "Only its members and those with view-private-inbox will see it; others lose sight of it."],
                answer: .yesNo,
                command: .setInboxVisibility(phone: inbox.phone, visibility: new, expectedVersion: inbox.version),
                cancelled: "visibility not changed; nothing changed"))
            return []
        },
        ActionSpec(.inboxRemove, keys: [k("x")], scopes: [.inboxList], label: "remove",
                   help: "Remove the selected inbox and its assignments (type its number to confirm)", priority: 5,
                   availability: { onSelected($0) { .removeInbox($0) } }) { state, _ in
            guard let inbox = selected(state) else { return [] }
            state.modal = .confirm(Confirmation(
                title: "Remove inbox \(TerminalText.sanitize(inbox.name)) (\(inbox.displayPhone))?",
                lines: ["Its assignments go with it; its members no longer work in it."],
                // Asked for as the list shows it; typed as people write it (TypedAnswer).
                answer: .typed(inbox.displayPhone),
                command: .removeInbox(phone: inbox.phone, expectedVersion: inbox.version),
                cancelled: "remove cancelled; nothing changed"))
            return []
        },
    ]

    static func selected(_ state: AppState) -> Inbox? {
        let all = state.inboxes.all
        return all.indices.contains(state.inboxes.list.selection) ? all[state.inboxes.list.selection].inbox : nil
    }

    static func flipped(_ visibility: InboxVisibility) -> InboxVisibility {
        visibility == .public ? .private : .public
    }

    /// Hidden when the guard refuses both a public and a private inbox for a
    /// missing permission; otherwise the prompt opens and the core decides on
    /// the visibility typed (its sentence shows in the prompt).
    static func addAvailability(_ state: AppState) -> Availability {
        let each = InboxVisibility.allCases.map { Ask.availability(.addInbox($0), state) }
        if each.contains(.enabled) { return .enabled }
        return each.first { !$0.isHidden } ?? .hidden
    }

    /// An action on the selected inbox: hidden if the guard allows it on none
    /// of the inboxes the operator sees, disabled with its sentence if not on this one.
    static func onSelected(_ state: AppState, _ make: (InboxFacts) -> GuardAction) -> Availability {
        // Only the inboxes the guard lets the operator see count (a list read before a change of role may hold others).
        let seen = state.inboxes.all.map { Ask.facts($0.inbox) }.filter { Ask.guardDecision(.viewInbox($0), state)?.isAllowed == true }
        guard seen.contains(where: { !Ask.availability(make($0), state).isHidden }) else { return .hidden }
        guard let inbox = selected(state) else { return .disabled(reason: "no inbox selected") }
        let action = make(Ask.facts(inbox))
        if case .refused(let refusal)? = Ask.guardDecision(action, state), refusal.rule == .permissionMissing {
            return .disabled(reason: refusal.message)
        }
        return Ask.availability(action, state)
    }

    static func drawList(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let inboxes = state.inboxes
        let inner = Panel(title: "Inboxes (\(inboxes.all.count))", focused: true).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        let nameWidth = max(0, inner.width - 16 - 3 - 8 - 8 - 4)
        // One row of room (a tiny terminal): the selected inbox rather than the headings, as the member list does.
        let table = Table(columns: [Column("NUMBER", 16), Column("RG", 3), Column("NAME", nameWidth), Column("VIS", 8),
                                    Column("MEMBERS", 8)], headings: inner.height > 1)
        table.draw(&grid, inner, glyphs: state.glyphs, count: inboxes.all.count, list: inboxes.list) { index in
            let summary = inboxes.all[index]
            return TableRow([summary.inbox.displayPhone, summary.inbox.region ?? "", summary.inbox.name, summary.inbox.visibility.rawValue,
                             inboxes.membersLoaded ? String(summary.members.count) : state.glyphs.ellipsis],
                            style: Style(index == inboxes.list.selection ? .selection : .normal))
        }
        if inboxes.all.isEmpty {
            grid.put("no inboxes you can see", x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
        }
    }

    static func drawMembers(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let all = state.inboxes.all
        let selection = state.inboxes.list.selection
        let summary = all.indices.contains(selection) ? all[selection] : nil
        let title = summary.map { "Members of \($0.inbox.name)" } ?? "Members"
        let inner = Panel(title: title, focused: false).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 1, let summary else { return }
        let kind = summary.inbox.visibility == .public ? "shared inbox" : "individual inbox"
        let dot = state.glyphs.dot
        grid.put("\(summary.inbox.displayPhone) \(dot) \(summary.inbox.region.map { $0 + " \(dot) " } ?? "")\(kind)", x: inner.x, y: inner.y, style: Style(.muted), maxWidth: inner.width)
        // The groups on it, when any: their members work here too, marked as such below.
        var top = inner.y + 1
        if !summary.groups.isEmpty, inner.height > 2 {
            grid.putCell("groups: " + summary.groups.joined(separator: ", "), x: inner.x, y: top, width: inner.width,
                         style: Style(.accent), glyphs: state.glyphs)
            top += 1
        }
        // The thread count only for those who may read this inbox's messages (the store leaves it out otherwise).
        if let threads = summary.threads, top < inner.maxY {
            grid.put("\(counted(threads, "message thread")) (t to read)", x: inner.x, y: top, style: Style(.accent), maxWidth: inner.width)
            top += 1
        }
        let rows = max(0, inner.maxY - top)
        if summary.members.isEmpty {
            grid.put("nobody is assigned", x: inner.x, y: top, style: Style(.muted), maxWidth: inner.width)
        }
        let direct = Set(summary.direct)
        for (line, email) in summary.members.prefix(rows).enumerated() {
            let text = direct.contains(email) ? email.value : email.value + " (by group)"
            grid.putCell(text, x: inner.x, y: top + line, width: inner.width, style: .normal, glyphs: state.glyphs)
        }
        if summary.members.count > rows, rows > 0 {
            let more = "\(state.glyphs.ellipsis) and \(summary.members.count - rows + 1) more"
            grid.putCell(more, x: inner.x, y: inner.maxY - 1, width: inner.width, style: Style(.muted), glyphs: state.glyphs)
        }
    }
}
