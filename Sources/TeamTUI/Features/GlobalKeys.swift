import TeamCore
import TermUI

/// Keys that work on every screen: inviting, switching views, help, quitting.
enum GlobalKeys {
    /// Inviting comes first in the table, so the footer keeps it when narrow.
    static let first: [ActionSpec] = [
        ActionSpec(.invite, keys: [k("i")], scopes: [.anywhere], label: "invite",
                   help: "Invite a member by email, with a role and inboxes", priority: 2,
                   availability: inviteAvailability) { state, _ in
            guard let actor = state.operatorContext?.facts else { return [] }
            state.modal = .invite(InviteForm(roles: Guard.invitableRoles(for: actor), inboxes: state.inboxes.all.map(\.inbox)))
            return []
        },
    ]

    static let actions: [ActionSpec] = [
        ActionSpec(.switchView, keys: [k("v")], scopes: [.anywhere], label: { $0.screen.next.title },
                   help: "Next view, in turn: " + AppState.Screen.allCases.map(\.title).joined(separator: ", ")
                       + " (views your role may not open are skipped)",
                   priority: 3) { state, _ in
            var next = state.screen.next
            // Views the operator may not see are skipped.
            while next != state.screen && !visible(next, state) { next = next.next }
            return show(next, &state)
        },
        ActionSpec(.showScreen, keys: (1...9).map { k(Character(String($0))) }, scopes: [.anywhere], label: "views",
                   help: "Go to a view: 1 members, 2 inboxes, 3 invitations, 4 groups, 5 roles, 6 audit, 7 billing, 8 contacts, 9 access review",
                   inFooter: false) { state, key in
            guard case .char(let digit) = key, let number = digit.wholeNumberValue,
                  AppState.Screen.allCases.indices.contains(number - 1) else { return [] }
            return show(AppState.Screen.allCases[number - 1], &state)
        },
        ActionSpec(.back, keys: [k(.escape)], scopes: [.anywhere], label: "back",
                   help: "Back: from a thread to its inbox's threads, from them to the inboxes; clear a kept filter, go back to the member list, or dismiss the message",
                   inFooter: false) { state, _ in
            if state.screen == .inboxes, state.thread != nil {
                state.thread = nil
                return []
            }
            if state.screen == .inboxes, state.threads != nil {
                state.threads = nil
                return [.announce(state.screen.title)]
            }
            if !state.members.filter.value.isEmpty { return MemberList.clearFilter(&state) }
            if state.focus == .inboxes {
                state.focus = .members
                state.relayout()
                return []
            }
            state.status = nil
            return []
        },
        ActionSpec(.messageLog, keys: [k("m")], scopes: [.anywhere, .noAccess], label: "messages",
                   help: "The messages of this session in full, newest first", inFooter: false) { state, _ in
            state.modal = .messages(MessageLog())
            return []
        },
        ActionSpec(.redraw, keys: [k(.ctrl("l"))], scopes: [.anywhere, .noAccess], label: "redraw",
                   help: "Redraw the whole screen and read the workspace again", inFooter: false) { state, _ in
            state.redrawRequests += 1
            return [.reloadAll]
        },
        ActionSpec(.help, keys: [k("?"), k(.function(1))], scopes: [.anywhere], label: "help",
                   help: "This help: the keys you can use, where") { state, _ in
            state.modal = .help(HelpWindow())
            return []
        },
        ActionSpec(.quit, keys: [k("q")], scopes: [.anywhere, .noAccess], label: "quit", help: "Quit") { state, _ in
            state.shouldQuit = true
            return []
        },
        // A paste is text for a field; where there is none, it must not run as keys.
        ActionSpec(.pasteNowhere, keys: [.paste],
                   scopes: [.anywhere, .helpWindow, .memberWindow, .roleWindow, .inviteRole, .inviteInboxes],
                   label: "paste", help: "Pasted text outside a text field is ignored (nothing runs)", inFooter: false) { state, _ in
            state.status = StatusMessage("paste ignored: no text field here (press / to filter, i to invite)", .info)
            return []
        },
        ActionSpec(.whoIsHere, keys: [k("w")], scopes: [.anywhere], label: { "who (\($0.presence.count + 1))" },
                   help: "Who else has this workspace open now: login, member, since when, which view", inFooter: false,
                   availability: { Ask.availability(.readWorkspace, $0) }) { state, _ in
            state.modal = .who
            return [.readPresence]
        },
        ActionSpec(.interrupt, keys: [k(.ctrl("c"))], scopes: [.always], label: "quit",
                   help: "Quit at once, from anywhere (a half-typed form is dropped)", inFooter: false) { state, _ in
            state.shouldQuit = true
            return []
        },
    ]

    /// Shows `screen` and reads what it shows.
    /// Whether the operator may open `screen`: the audit log, and the review
    /// that lists its changes, need what reading the log needs; billing needs
    /// what seeing billing needs (modify-billing).
    static func visible(_ screen: AppState.Screen, _ state: AppState) -> Bool {
        switch screen {
        case .audit, .review: !Ask.availability(.viewAudit, state).isHidden
        case .billing: !Ask.availability(.viewBilling, state).isHidden
        default: true
        }
    }

    static func show(_ screen: AppState.Screen, _ state: inout AppState) -> [Effect] {
        guard visible(screen, state) else {
            state.status = StatusMessage("\(screen.title): not available to your role", .error)
            return []
        }
        state.screen = screen
        state.focus = .members
        // What was said was about the view left.
        state.status = nil
        // Leaving (or re-entering) a view closes the threads opened from it.
        state.threads = nil
        state.thread = nil
        state.relayout()
        return [.announce(screen.title)] + load(screen, state)
    }

    /// What a view reads when it is shown.
    static func load(_ screen: AppState.Screen, _ state: AppState) -> [Effect] {
        switch screen {
        case .invitations: return [.loadInvitations]
        case .inboxes: return [.loadInboxes(withMembers: true)]
        case .members: return MemberList.ensureRows(state)
        case .groups: return [.loadGroups]
        case .roles: return [.loadRoles]
        case .billing: return [.loadBilling]
        case .contacts: return [.loadContacts]
        case .review: return [.loadReview]
        case .audit: return [.loadAudit((try? AuditScreen.query(state.audit.filter)) ?? AuditQuery(limit: AuditState.window, newestFirst: true))]
        }
    }

    /// The guard's answer for inviting the lowest role this operator may offer.
    @Sendable static func inviteAvailability(_ state: AppState) -> Availability {
        let lowest = Guard.invitableRoles(for: state.operatorContext?.facts ?? Ask.probeActor).last ?? .member
        return Ask.availability(.invite(role: lowest, inboxes: []), state)
    }
}
