import TeamCore

/// Runs effects against the workspace and turns the results into actions.
/// The only part of the TUI that does I/O (besides the terminal backend); it
/// keeps no state of its own.
public struct Runtime {
    let workspace: any TeamWorkspace
    /// Sends mails a command just queued; returns a sentence for the status line.
    let deliverMail: ([MailID]) -> String?
    /// Opens the file now at the workspace's path in place of a replaced one (nil: cannot).
    let reopen: (() throws -> ReopenOutcome)?

    public init(workspace: any TeamWorkspace, deliverMail: @escaping ([MailID]) -> String? = { _ in nil },
                reopen: (() throws -> ReopenOutcome)? = nil) {
        self.workspace = workspace
        self.deliverMail = deliverMail
        self.reopen = reopen
    }

    /// Runs one effect; `state` is the state after the update that asked for it.
    public func run(_ effect: Effect, _ state: AppState) -> [AppAction] {
        do {
            switch effect {
            case .startup(let rows):
                // The mark first: a commit made while the rest is read shows again in the feed.
                return [.changeMarkRead(try workspace.changeMark()),
                        .dataVersionRead(try workspace.dataVersion()),
                        .sessionLoaded(try workspace.session()),
                        try inboxes(withMembers: false),
                        .firstRowsLoaded(try workspace.firstMembers(limit: rows))]
            case .afterPaint(let effect):
                return run(effect, state)
            case .reloadAll:
                var actions: [AppAction] = [.changeMarkRead(try workspace.changeMark()),
                                            .sessionLoaded(try workspace.session()),
                                            try inboxes(withMembers: state.screen == .inboxes),
                                            .indexLoaded(try workspace.memberIndex(sort: state.members.sort), state.members.sort)]
                // The views that need more than a list read it only when shown.
                if state.screen == .invitations { actions.append(.invitationsLoaded(try workspace.invitations(status: nil))) }
                if state.screen == .groups { actions.append(.groupsLoaded(try workspace.groups())) }
                if state.screen == .roles { actions.append(.rolesLoaded(try workspace.roleMatrix(), try workspace.lint())) }
                // Billing is read only while it may be seen; a lost permission leaves the view (see update).
                if state.screen == .billing, let billing = try? workspace.billing() { actions.append(.billingLoaded(billing)) }
                if state.screen == .contacts { actions.append(.contactsLoaded(try workspace.contactListing())) }
                if state.screen == .review { actions.append(.reviewLoaded(try workspace.accessReview(since: nil))) }
                if state.screen == .audit, let query = try? AuditScreen.query(state.audit.filter) {
                    actions.append(.auditLoaded(try workspace.auditEvents(query)))
                }
                return actions
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
            case .loadGroups:
                return [.groupsLoaded(try workspace.groups())]
            case .loadGroup(let name):
                return [.groupLoaded(try workspace.group(name))]
            case .loadAudit(let query):
                return [.auditLoaded(try workspace.auditEvents(query))]
            case .loadBilling:
                return [.billingLoaded(try workspace.billing())]
            case .loadContacts:
                return [.contactsLoaded(try workspace.contactListing())]
            case .loadThreads(let inbox):
                do { return [.threadsLoaded(inbox, try workspace.threads(inbox: inbox))] } catch let error as TeamError { return [.threadsFailed(error)] }
            case .loadThread(let inbox, let contact, let page, let purpose):
                do {
                    return [.threadPageLoaded(purpose, try workspace.thread(inbox: inbox, contact: contact, page: page))]
                } catch let error as TeamError {
                    return [.threadsFailed(error)]
                }
            case .loadReview:
                return [.reviewLoaded(try workspace.accessReview(since: nil))]
            case .previewRevert(let id):
                return [.revertPreviewed(try workspace.revertPreview(id))]
            case .loadRoles:
                return [.rolesLoaded(try workspace.roleMatrix(), try workspace.lint())]
            case .prepareBatch(let change, let ids):
                let commands = try workspace.memberRows(ids).compactMap { change.command(for: $0) }
                let answers = try workspace.decideAll(commands).map { answer -> String? in
                    switch answer {
                    case .success(.allowed): nil
                    case .success(.refused(let refusal)): refusal.rule.rawValue
                    case .failure(let error): error.ruleName
                    }
                }
                return [.batchPrepared(change, commands, answers)]
            case .performBatch(let commands):
                return [.batchPerformed(try workspace.performBatch(commands, partial: true))]
            case .announce(let screen):
                // Presence is a courtesy: a folder that cannot be written never stops the interface.
                try? workspace.announcePresence(screen: screen)
                return []
            case .readPresence:
                return [.presenceRead((try? workspace.presence()) ?? [])]
            case .reopen(let why):
                guard let reopen else { return [.reopenFailed(why)] }
                do {
                    switch try reopen() {
                    case .reopened: return [.reopened(why)]
                    case .waiting(let detail): return [.reopenWaiting(why, detail)]
                    }
                } catch {
                    return [.reopenFailed("\(why); opening the file now there failed: \(error)")]
                }
            case .checkForChanges:
                return [.dataVersionRead(try workspace.dataVersion())]
            case .readChanges(let mark):
                return [.changesRead(try workspace.changes(after: mark))]
            case .loadIndexEntries(let ids, let sort):
                return [.indexEntriesLoaded(Set(ids), try workspace.memberIndexEntries(ids, sort: sort), sort)]
            case .perform(let command):
                var outcome = try workspace.perform(command)
                // Mail goes out at once, as from the command line; a failure leaves it queued.
                if !outcome.queuedMail.isEmpty, let note = deliverMail(outcome.queuedMail) {
                    outcome.message += "; " + note
                }
                return [.performed(command, outcome)]
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

    /// Applies `action` and every action its effects produce, in order, except
    /// effects that wait for a paint: those are returned for after the paint.
    public func dispatch(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        settle(App.update(&state, action), &state)
    }

    /// Runs `effects` now (those waiting included) and settles what they produce.
    public func run(_ effects: [Effect], _ state: inout AppState) -> [Effect] {
        var waiting: [Effect] = []
        for effect in effects {
            for action in run(effect, state) { waiting += dispatch(action, &state) }
        }
        return waiting
    }

    /// Starts the app: the first screen's data, ready to paint; returns what waits for the paint.
    public func start(_ state: inout AppState) -> [Effect] {
        settle(App.start(state), &state)
    }

    private func settle(_ effects: [Effect], _ state: inout AppState) -> [Effect] {
        var waiting: [Effect] = []
        for effect in effects {
            if effect.waitsForPaint {
                waiting.append(effect)
                continue
            }
            for action in run(effect, state) { waiting += dispatch(action, &state) }
        }
        return waiting
    }
}
