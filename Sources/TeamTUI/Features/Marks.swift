import TeamCore
import TermUI

/// A change to every marked member at once.
public enum BulkChange: Equatable, Sendable {
    case assign(PhoneNumber), unassign(PhoneNumber), setRole(Role), deactivate, reactivate
    case addToGroup(String), removeFromGroup(String)

    /// The command for one member, or nil where it would change nothing
    /// (deactivating someone already deactivated).
    func command(for row: MemberSummary) -> TeamCommand? {
        let member = row.member
        switch self {
        case .assign(let phone): return row.inboxes.contains(phone) ? nil : .assign(member: member.email, inbox: phone)
        case .unassign(let phone): return row.inboxes.contains(phone) ? .unassign(member: member.email, inbox: phone) : nil
        case .setRole(let role): return member.role == role ? nil : .setRole(member: member.email, role: role, expectedVersion: member.version)
        case .deactivate: return member.isActive ? .deactivate(member: member.email, expectedVersion: member.version) : nil
        case .reactivate: return member.isActive ? nil : .reactivate(member: member.email, expectedVersion: member.version)
        case .addToGroup(let name):
            return (try? DisplayName(name)).map { .addToGroup(group: $0, member: member.email) }
        case .removeFromGroup(let name):
            return (try? DisplayName(name)).map { .removeFromGroup(group: $0, member: member.email) }
        }
    }

    /// "assign to +14155550100", "make agent"…
    var title: String {
        switch self {
        case .assign(let phone): "Assign to \(phone)"
        case .unassign(let phone): "Take out of \(phone)"
        case .setRole(let role): "Make \(role.rawValue)"
        case .deactivate: "Deactivate"
        case .reactivate: "Reactivate"
        case .addToGroup(let name): "Add to group \(name)"
        case .removeFromGroup(let name): "Take out of group \(name)"
        }
    }
}

/// Marking members in the list, and the question before a bulk change.
enum Marks {
    static let actions: [ActionSpec] = [
        ActionSpec(.mark, keys: [k(" ")], scopes: [.memberList],
                   label: { state in state.members.selectedID.map { state.members.marked.contains($0) } == true ? "unmark" : "mark" },
                   help: "Mark or unmark the member under the cursor (and move down); changes then act on every marked member",
                   priority: 5, availability: { $0.members.selectedID == nil ? .disabled(reason: "no member selected") : .enabled }) { state, _ in
            guard let id = state.members.selectedID else { return [] }
            if state.members.marked.contains(id) { state.members.marked.remove(id) } else { state.members.marked.insert(id) }
            return ListKeys.move(&state, by: 1)
        },
        ActionSpec(.markAll, keys: [k("*")], scopes: [.memberList], label: "mark all",
                   help: "Mark every member shown (all of them, or all the filter matches)", inFooter: false) { state, _ in
            let shown = state.members.positions.map { state.members.index.ids[$0] }
            state.members.marked.formUnion(shown)
            state.status = StatusMessage("\(state.members.marked.count) marked", .info)
            return []
        },
        ActionSpec(.unmarkAll, keys: [k("U")], scopes: [.memberList], label: "unmark all",
                   help: "Clear every mark", inFooter: false,
                   availability: { $0.members.marked.isEmpty ? .disabled(reason: "nothing is marked") : .enabled }) { state, _ in
            state.members.marked = []
            state.status = StatusMessage("marks cleared", .info)
            return []
        },
        ActionSpec(.bulkReactivate, keys: [k("D")], scopes: [.memberList], label: { label("reactivate", $0) },
                   help: "Reactivate every marked member", inFooter: false,
                   availability: { state in
                       let permitted = Ask.availability(.reactivate(TargetFacts(id: -1, role: .member, status: .deactivated)), state)
                       guard permitted.isEnabled else { return permitted }
                       return state.members.marked.isEmpty ? .disabled(reason: "mark members first") : .enabled
                   }) { state, _ in prepare(.reactivate, &state) },
        ActionSpec(.bulkAddToGroup, keys: [k("+")], scopes: [.memberList], label: "to group",
                   help: "Add the marked members to a group (you name it)", inFooter: false,
                   availability: { groupAvailability($0) }) { state, _ in
            state.modal = .prompt(Prompt(purpose: .bulkAddToGroup))
            return []
        },
        ActionSpec(.bulkRemoveFromGroup, keys: [k("-")], scopes: [.memberList], label: "out of group",
                   help: "Take the marked members out of a group (you name it)", inFooter: false,
                   availability: { groupAvailability($0) }) { state, _ in
            state.modal = .prompt(Prompt(purpose: .bulkRemoveFromGroup))
            return []
        },
    ]

    /// "role", or "role (5)" with five marked.
    static func label(_ verb: String, _ state: AppState) -> String {
        state.members.marked.isEmpty ? verb : "\(verb) \(state.members.marked.count) marked"
    }

    /// With marks: the guard on a member of the lowest rank ("could this ever be allowed?");
    /// the refusals per member are counted before anything changes. Without: `single`.
    static func or(_ state: AppState, _ single: Availability, _ make: (TargetFacts) -> GuardAction) -> Availability {
        guard !state.members.marked.isEmpty else { return single }
        return Ask.availability(make(TargetFacts(id: -1, role: .member, status: .active)), state)
    }

    static func groupAvailability(_ state: AppState) -> Availability {
        let probe = TargetFacts(id: -1, role: .member, status: .active)
        let permitted = Ask.availability(.removeFromGroup(probe), state)
        guard permitted.isEnabled else { return permitted }
        return state.members.marked.isEmpty ? .disabled(reason: "mark members first (Space, or * for all shown)") : .enabled
    }

    /// Asks the guard about the change for every marked member first.
    static func prepare(_ change: BulkChange, _ state: inout AppState) -> [Effect] {
        state.status = StatusMessage("checking \(state.members.marked.count) marked members\(state.glyphs.ellipsis)", .info)
        return [.prepareBatch(change, state.members.marked.sorted())]
    }

    /// The answers are in: say how many will change and why the rest will not, then ask.
    static func prepared(_ change: BulkChange, _ commands: [TeamCommand], _ refusals: [String?], _ state: inout AppState) {
        let marked = state.members.marked.count
        let allowed = zip(commands, refusals).filter { $0.1 == nil }.map(\.0)
        let refused = refusals.compactMap { $0 }
        let unchanged = marked - commands.count
        var lines = ["\(allowed.count) of \(marked) marked will change"
                     + (unchanged > 0 ? "; \(unchanged) already so" : "") + "."]
        if !refused.isEmpty { lines.append("\(refused.count) refused: " + BatchOutcome.byRule(refused) + ".") }
        state.members.bulkRefused = refused
        guard !allowed.isEmpty else {
            state.status = StatusMessage("\(change.title): none of the \(marked) marked can change"
                                         + (refused.isEmpty ? "" : " (" + BatchOutcome.byRule(refused) + ")"), .error)
            return
        }
        state.modal = .confirm(Confirmation(title: "\(change.title): \(allowed.count) member(s)?", lines: lines, batch: allowed,
                                            cancelled: "bulk change cancelled; nothing changed"))
    }

    /// Done: the marks are cleared; the status line (and the message log) says what was refused.
    static func performed(_ outcome: BatchOutcome, _ state: inout AppState) -> [Effect] {
        // Refused when asked, or refused when made (something changed in between): both are reported.
        let refused = state.members.bulkRefused + outcome.refused.map(\.rule)
        state.members.marked = []
        state.members.bulkRefused = []
        let summary = BatchOutcome.summary(changed: outcome.changed, unchanged: outcome.done.count - outcome.changed, refused: refused)
        state.status = StatusMessage("bulk change \(outcome.batch): \(summary)", refused.isEmpty ? .success : .error)
        return [.reloadAll]
    }
}
