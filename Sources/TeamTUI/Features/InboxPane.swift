import TeamCore
import TermText
import TermUI

/// The inboxes the operator can see, for the pane beside the member list and
/// for the inboxes view; each keeps its own selection.
public struct InboxesState: Equatable {
    /// By number; their member lists are read only for the inboxes view
    /// (`membersLoaded`), as a big team makes them large.
    public var all: [InboxSummary] = []
    public var membersLoaded = false
    /// The selection in the pane beside the member list.
    public var pane = ListState()
    /// The selection in the inboxes view.
    public var list = ListState()

    public init() {}
}

/// The pane beside the member list: every visible inbox, ✓ where the selected member is in it.
enum InboxPane {
    static let actions: [ActionSpec] = [
        ActionSpec(.toggleAssignment, keys: [k(" "), k(.enter)], scopes: [.inboxPane],
                   label: { state in
                       guard state.members.marked.isEmpty else { return Marks.label("assign", state) }
                       // In it only through a group: the footer says which, rather than offering a toggle.
                       if let access = currentAccess(state), access.onlyThroughGroups { return viaText(access) ?? "unassign" }
                       return currentInboxAssigned(state) ? "unassign" : "assign"
                   },
                   help: "Assign the selected member to the inbox under the cursor, or unassign (a check mark shows assigned, \"via GROUP\" through a group); with marks, assign every marked member",
                   priority: 1, availability: assignmentAvailability) { state, _ in
            if !state.members.marked.isEmpty, let inbox = currentInbox(state) { return Marks.prepare(.assign(inbox.phone), &state) }
            guard let member = state.selectedMember?.member, let inbox = currentInbox(state) else { return [] }
            return [.perform(currentInboxAssigned(state)
                ? .unassign(member: member.email, inbox: inbox.phone)
                : .assign(member: member.email, inbox: inbox.phone))]
        },
        ActionSpec(.bulkUnassign, keys: [k("u")], scopes: [.inboxPane],
                   label: { $0.members.marked.isEmpty ? "unassign marked" : Marks.label("unassign", $0) },
                   help: "Take every marked member out of the inbox under the cursor", priority: 2,
                   availability: { state in
                       guard !state.members.marked.isEmpty else {
                           return assignmentAvailability(state).isHidden ? .hidden : .disabled(reason: "mark members first")
                       }
                       return assignmentAvailability(state)
                   }) { state, _ in
            guard let inbox = currentInbox(state) else { return [] }
            return Marks.prepare(.unassign(inbox.phone), &state)
        },
        ActionSpec(.focusNext, keys: [k(.tab), k(.backTab), k("l"), k(.right), k("h"), k(.left)],
                   scopes: [.memberList, .inboxPane],
                   label: { $0.focus == .members ? "inboxes" : "members" },
                   help: "Move focus between the two panes (Tab, h/l, Left/Right)", priority: 1) { state, key in
            state.focus = state.focus == .members ? .inboxes : .members
            if [Key.char("l"), .right].contains(key) { state.focus = .inboxes }
            if [Key.char("h"), .left].contains(key) { state.focus = .members }
            state.relayout()
            return MemberList.ensureRows(state)
        },
    ]

    static func currentInbox(_ state: AppState) -> Inbox? {
        let all = state.inboxes.all
        return all.indices.contains(state.inboxes.pane.selection) ? all[state.inboxes.pane.selection].inbox : nil
    }

    static func currentInboxAssigned(_ state: AppState) -> Bool {
        guard let inbox = currentInbox(state), let member = state.selectedMember else { return false }
        return member.inboxes.contains(inbox.phone)
    }

    /// How the selected member works in the inbox under the cursor, if they do.
    static func currentAccess(_ state: AppState) -> InboxAccess? {
        guard let inbox = currentInbox(state), let member = state.selectedMember, member.inboxes.contains(inbox.phone) else {
            return nil
        }
        return member.access(to: inbox.phone)
    }

    /// "via Night shift" for an inbox held only through groups; nil otherwise.
    static func viaText(_ access: InboxAccess) -> String? {
        guard access.onlyThroughGroups else { return nil }
        return "via " + access.groups.joined(separator: ", ")
    }

    /// The name cell: "via Night shift: VIP" when held only through a group (said
    /// first, so a narrow pane still shows it), "Support (+Night shift)" when
    /// held directly and through a group too.
    static func nameCell(_ inbox: Inbox, _ access: InboxAccess?) -> String {
        guard let access, !access.groups.isEmpty else { return inbox.name }
        if let via = viaText(access) { return "\(via): \(inbox.name)" }
        return "\(inbox.name) (+\(access.groups.joined(separator: ", ")))"
    }

    /// Hidden when no visible inbox could ever be changed by this operator;
    /// otherwise the guard's answer for the inbox under the cursor.
    @Sendable static func assignmentAvailability(_ state: AppState) -> Availability {
        let probe = TargetFacts(id: -1, role: .member, status: .active)
        let anyPossible = state.inboxes.all.contains { summary in
            !Ask.availability(.assign(probe, Ask.facts(summary.inbox)), state).isHidden
        }
        guard anyPossible else { return .hidden }
        if !state.members.marked.isEmpty {
            guard let inbox = currentInbox(state) else { return .disabled(reason: "no inbox here") }
            return Ask.availability(.assign(probe, Ask.facts(inbox)), state)
        }
        guard let inbox = currentInbox(state) else { return .disabled(reason: "no inbox here") }
        guard let member = state.selectedMember?.member else { return .disabled(reason: "no member selected") }
        // In it only through groups: unassigning directly would change nothing.
        if let access = currentAccess(state), access.onlyThroughGroups {
            let groups = access.groups.map { "'\($0)'" }.joined(separator: ", ")
            return .disabled(reason: "\(member.name) works in \(inbox.name) through group \(groups); take them out of the group or the group off the inbox (groups view)")
        }
        let target = Ask.facts(member)
        let assigned = currentInboxAssigned(state)
        return Ask.availability(assigned ? .unassign(target, Ask.facts(inbox)) : .assign(target, Ask.facts(inbox)), state)
    }

    static func draw(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let focused = state.focus == .inboxes
        let member = state.selectedMember
        let title = member.map { "Inboxes of \($0.member.name)" } ?? "Inboxes"
        let inner = Panel(title: title, focused: focused).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 1 else { return }
        let glyphs = state.glyphs
        let markWidth = TerminalText.width(of: glyphs.check) + (glyphs.isUnicode ? 2 : 1)
        // Narrow panes abbreviate the visibility so the name keeps some room.
        let short = inner.width < 40
        let visWidth = short ? 4 : 7
        let nameWidth = max(0, inner.width - markWidth - 16 - visWidth - 2)
        let table = Table(columns: [Column("", markWidth - 1), Column("NUMBER", 16), Column("NAME", nameWidth),
                                    Column("VIS", visWidth)])
        let inboxes = state.inboxes.all
        if inboxes.isEmpty {
            table.draw(&grid, inner, glyphs: glyphs, count: 0, list: ListState()) { _ in nil }
            grid.put("no inboxes you can see", x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
            return
        }
        let target = member.map { Ask.facts($0.member) }
        let selection = state.inboxes.pane.selection
        let placed = table.draw(&grid, inner, glyphs: glyphs, count: inboxes.count, list: state.inboxes.pane) { index in
            let inbox = inboxes[index].inbox
            let assigned = member?.inboxes.contains(inbox.phone) ?? false
            let mark = assigned ? glyphs.check : glyphs.unchecked
            let facts = Ask.facts(inbox)
            let allowed = target.map {
                Ask.availability(assigned ? .unassign($0, facts) : .assign($0, facts), state).isEnabled
            } ?? false
            var style = Style(allowed ? .normal : .muted)
            if index == selection && focused { style = Style(.selection) }
            let visibility = short ? (inbox.visibility == .public ? "pub" : "priv") : inbox.visibility.rawValue
            let name = nameCell(inbox, assigned ? member?.access(to: inbox.phone) : nil)
            return TableRow([glyphs.isUnicode ? " " + mark : mark, inbox.displayPhone, name, visibility], style: style)
        }
        // The ✓ stands out in green on rows that are not selected.
        for (index, y) in placed where glyphs.isUnicode && index != selection {
            if member?.inboxes.contains(inboxes[index].inbox.phone) == true {
                grid.put(glyphs.check, x: inner.x + 1, y: y, style: Style(.success, bold: true))
            }
        }
        // The name column is narrow: the last row says in full how the member
        // works in the inbox under the cursor when a group is involved.
        if let member, let inbox = currentInbox(state), member.inboxes.contains(inbox.phone),
           case let access = member.access(to: inbox.phone), !access.groups.isEmpty {
            let groups = access.groups.joined(separator: ", ")
            let how = access.direct ? "direct + via group \(groups)" : "via group \(groups)"
            let lines = TerminalText.wrap(TerminalText.sanitize("\(inbox.name): \(how)"), toWidth: inner.width).prefix(2)
            let top = inner.maxY - lines.count
            if top > (placed.values.max() ?? inner.y) {
                for (row, line) in lines.enumerated() {
                    grid.put(line, x: inner.x, y: top + row, style: Style(.accent), maxWidth: inner.width)
                }
            }
        }
    }
}
