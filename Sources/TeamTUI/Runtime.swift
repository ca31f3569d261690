import TeamCore

/// Runs effects against the workspace and turns the results into actions.
/// The only part of the TUI that does I/O (besides the terminal backend).
public final class Runtime {
    let workspace: any TeamWorkspace
    /// Sends mails a command just queued; returns a sentence for the status line.
    let deliverMail: ([MailID]) -> String?
    private var lastDataVersion: Int64?
    /// Called just before a change is written, with the state the key left:
    /// the loop paints "saving…" so a wait for another operator's lock is visible.
    public var willPerform: ((AppState) -> Void)?
    /// Effects waiting for the next paint.
    private var afterPaint: [Effect] = []

    public init(workspace: any TeamWorkspace, deliverMail: @escaping ([MailID]) -> String? = { _ in nil }) {
        self.workspace = workspace
        self.deliverMail = deliverMail
        lastDataVersion = try? workspace.dataVersion()
    }

    /// Runs one effect; `state` is the state after the update that asked for it.
    public func run(_ effect: Effect, _ state: AppState) -> [AppAction] {
        do {
            switch effect {
            case .startup(let rows):
                return [.sessionLoaded(try workspace.session()),
                        try inboxes(withMembers: false),
                        .firstRowsLoaded(try workspace.firstMembers(limit: rows))]
            case .afterPaint(let effect):
                afterPaint.append(effect)
                return []
            case .reloadAll:
                return [.sessionLoaded(try workspace.session()),
                        try inboxes(withMembers: state.screen == .inboxes),
                        .invitationsLoaded(try workspace.invitations(status: nil)),
                        .indexLoaded(try workspace.memberIndex(sort: state.members.sort), state.members.sort)]
            case .loadIndex(let sort):
                return [.indexLoaded(try workspace.memberIndex(sort: sort), sort)]
            case .loadRows(let ids):
                return [.rowsLoaded(try workspace.memberRows(ids))]
            case .loadSession:
                return [.sessionLoaded(try workspace.session())]
            case .loadInboxes(let withMembers):
                return [try inboxes(withMembers: withMembers)]
            case .loadInvitations:
                return [.invitationsLoaded(try workspace.invitations(status: nil))]
            case .loadDetail(let email):
                return [.detailLoaded(try workspace.member(email))]
            case .perform(let command):
                willPerform?(state)
                var outcome = try workspace.perform(command)
                // Mail goes out at once, as from the command line; a failure leaves it queued.
                if !outcome.queuedMail.isEmpty, let note = deliverMail(outcome.queuedMail) {
                    outcome.message += "; " + note
                }
                return [.performed(command, outcome)]
            case .quit:
                return []
            }
        } catch let error as TeamError {
            return [.failed(error)]
        } catch {
            return [.failed(.storage("\(error)"))]
        }
    }

    private func inboxes(withMembers: Bool) throws -> AppAction {
        withMembers
            ? .inboxesLoaded(try workspace.inboxes(), withMembers: true)
            : .inboxesLoaded(try workspace.inboxList().map { InboxSummary(inbox: $0, members: []) }, withMembers: false)
    }

    /// True once per outside commit: `PRAGMA data_version` moved since last asked.
    public func workspaceChanged() -> Bool {
        guard let version = try? workspace.dataVersion() else { return false }
        defer { lastDataVersion = version }
        return lastDataVersion != nil && version != lastDataVersion
    }

    /// Runs the effects that waited for a paint; true if there were any.
    @discardableResult
    public func runAfterPaint(_ state: inout AppState) -> Bool {
        guard !afterPaint.isEmpty else { return false }
        let effects = afterPaint
        afterPaint = []
        for effect in effects {
            for action in run(effect, state) { dispatch(action, &state) }
        }
        return true
    }

    /// Starts the app: the first screen's data, ready to paint.
    public func start(_ state: inout AppState) {
        for effect in App.start(state) {
            for action in run(effect, state) { dispatch(action, &state) }
        }
    }

    /// Applies `action` and every action its effects produce, in order.
    public func dispatch(_ action: AppAction, _ state: inout AppState) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in App.update(&state, next) {
                queue.append(contentsOf: run(effect, state))
            }
        }
    }
}
