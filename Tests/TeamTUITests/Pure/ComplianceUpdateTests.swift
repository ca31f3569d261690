import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// Groups on inboxes in the pane, undo from the audit view, the review view:
/// keys and results in, the whole state and the exact effects out.
@Suite(.timeLimit(.minutes(10))) struct ComplianceUpdateTests {
    static let saving = StatusMessage("saving… (waits if another operator is writing)", .info)
    static let vip = Sample.inboxes[2]
    static let support = Sample.inboxes[0]

    /// Aga (row 1) works in Support directly and through Night shift, and in VIP only through Night shift.
    static func agaThroughNightShift() -> AppState {
        var state = Sample.started()
        let aga = Sample.member("aga@acme.test")
        state.members.rows[aga.id] = MemberSummary(member: aga, inboxes: [support.phone, vip.phone], access: [
            support.phone: InboxAccess(direct: true, groups: ["Night shift"]),
            vip.phone: InboxAccess(direct: false, groups: ["Night shift"]),
        ])
        state.members.list.selection = 1
        state.focus = .inboxes
        state.relayout()
        return state
    }

    @Test func spaceOnAnInboxHeldOnlyThroughAGroupSaysSoAndChangesNothing() {
        var state = Self.agaThroughNightShift()
        state.inboxes.pane.selection = 2
        var store = TestStore(state)
        store.press(.char(" ")) {
            $0.status = StatusMessage("via Night shift: Aga Agent works in VIP through group 'Night shift'; take them out of the group or the group off the inbox (groups view)", .error)
        }
    }

    @Test func spaceOnADirectAssignmentAlsoHeldThroughAGroupUnassignsTheDirectOne() {
        var store = TestStore(Self.agaThroughNightShift())
        let aga = Sample.member("aga@acme.test")
        store.press(.char(" "), effects: [.perform(.unassign(member: aga.email, inbox: Self.support.phone))]) {
            $0.status = Self.saving
        }
    }

    @Test func theInboxPaneNamesTheGroupAnInboxComesThrough() {
        var state = Self.agaThroughNightShift()
        state.focus = .members
        state.relayout()
        let text = AppView.render(state).grid.text()
        #expect(text.contains("✓ +14155550100     Support (…"), "\(text)")
        #expect(text.contains("✓ +14155550190     via Night…"), "\(text)")
        #expect(text.contains("  +14155550101     Sales"))
        // The pane's last row says it in full for the inbox under the cursor.
        #expect(text.contains("Support: direct + via group Night  │") && text.contains("││shift  "), "\(text)")
        // With focus on the VIP row, the footer names the group instead of offering to unassign.
        state.focus = .inboxes
        state.inboxes.pane.selection = 2
        state.relayout()
        let focused = AppView.render(state).grid.text()
        #expect(focused.contains("VIP: via group Night shift"), "\(focused)")
        #expect(focused.contains("Space via Night shift"), "\(focused)")
    }

    @Test func theInboxesViewNamesTheGroupsAndWhoWorksThereByGroup() {
        var state = Sample.started()
        let vip = InboxSummary(inbox: Self.vip, members: [Sample.email("aga@acme.test"), Sample.email("mo@acme.test")],
                               direct: [Sample.email("mo@acme.test")], groups: ["Night shift"])
        _ = App.update(&state, .inboxesLoaded([InboxSummary(inbox: Self.support, members: []), vip], withMembers: true))
        state.screen = .inboxes
        state.inboxes.list.selection = 1
        state.relayout()
        let text = AppView.render(state).grid.text()
        #expect(text.contains("groups: Night shift"), "\(text)")
        #expect(text.contains("aga@acme.test (by group)"))
        #expect(text.contains("mo@acme.test ") && !text.contains("mo@acme.test (by group)"))
    }

    static let roleChange = AuditEvent(id: 42, at: Timestamp(seconds: 1_790_000_000), actor: "olive@acme.test", osLogin: "olive",
                                       viaAs: false, interface: .tui, action: "member.set-role", target: "aga@acme.test",
                                       before: #"{"role":"agent"}"#, after: #"{"role":"manager"}"#)

    static func onAudit() -> AppState {
        var state = Sample.started()
        state.screen = .audit
        _ = App.update(&state, .auditLoaded([roleChange]))
        return state
    }

    @Test func uOnTheAuditViewShowsTheExactInverseAndUndoesOnYes() {
        var store = TestStore(Self.onAudit())
        store.press(.char("u"), effects: [.previewRevert(42)]) {
            $0.status = StatusMessage("reading what undoing #42 would do…", .info)
        }
        let preview = RevertPreview(event: Self.roleChange, inverse: .setRole(member: Sample.email("aga@acme.test"), role: .agent),
                                    sentence: "set aga@acme.test's role back to agent (now manager)", decision: .allowed)
        let question = Confirmation(title: "Undo #42 (member.set-role aga@acme.test)?",
                                    lines: ["Undo: set aga@acme.test's role back to agent (now manager).",
                                            "Made as a new change by you, checked by the guard; the log keeps both."],
                                    answer: .yesNo, command: .revert(auditID: 42), cancelled: "undo cancelled; nothing changed")
        store.send(.revertPreviewed(preview)) {
            $0.status = nil
            $0.modal = .confirm(question)
        }
        store.press(.char("y"), effects: [.perform(.revert(auditID: 42))]) {
            $0.modal = nil
            $0.status = Self.saving
        }
    }

    @Test func anUndoTheGuardRefusesOrThatCannotBeMadeIsExplainedNotAsked() {
        var store = TestStore(Self.onAudit())
        let refused = RevertPreview(event: Self.roleChange, inverse: .setRole(member: Sample.email("aga@acme.test"), role: .agent),
                                    sentence: "set aga@acme.test's role back to agent (now manager)",
                                    decision: .refused(Refusal(rule: .rank, message: "you are admin and cannot change the role of a member ranked admin; that needs a higher rank")))
        store.send(.revertPreviewed(refused)) {
            $0.status = StatusMessage("undo #42: refused (rank): you are admin and cannot change the role of a member ranked admin; that needs a higher rank", .error)
        }
        store.send(.failed(.stale("#42 (member.set-role) cannot be undone: aga@acme.test's role has changed since (now admin); nothing was changed")),
                   effects: [.reloadAll]) {
            $0.status = StatusMessage("#42 (member.set-role) cannot be undone: aga@acme.test's role has changed since (now admin); nothing was changed", .error)
        }
    }

    @Test func undoIsNotOfferedInAReadOnlySession() {
        var state = Sample.started(readOnly: .requested)
        state.screen = .audit
        _ = App.update(&state, .auditLoaded([Self.roleChange]))
        var store = TestStore(state)
        store.press(.char("u")) { $0.status = StatusMessage("undo: read-only mode: nothing can be changed", .error) }
    }

    static let review = AccessReview(
        workspace: "Acme", throughAuditID: 43,
        since: nil, lastSignOff: AccessReview.SignOff(auditID: 40, at: Timestamp(seconds: 1_789_000_000), by: "olive@acme.test",
                                                      note: "Q3 review", sha256: "ab"),
        members: [], inboxes: [], changes: [AccessReview.Change(event: roleChange, new: true)], findings: [])

    @Test func theReviewViewListsTheChangesSinceTheLastSignOffMarkedNew() {
        var store = TestStore(Sample.started())
        store.press(.char("9"), effects: [.announce("review"), .loadReview]) { $0.screen = .review }
        store.send(.reviewLoaded(Self.review)) {
            $0.review.review = Self.review
            $0.review.lines = ReviewScreen.lines(Self.review, glyphs: .unicode)
        }
        let lines = ReviewScreen.lines(Self.review, glyphs: .unicode)
        #expect(lines.first?.text == "Last signed off by olive@acme.test on 2026-09-10 (#40): Q3 review")
        #expect(lines.contains(ReviewScreen.Line(kind: .new, text: "NEW #42 2026-09-21 14:13 olive@acme.test member.set-role aga@acme.test")))
        #expect(lines.contains { $0.kind == .heading && $0.text == "Changes to permissions and roles: 1, 1 new since the last sign-off" })
        let text = AppView.render(store.state).grid.text()
        #expect(text.contains("NEW #42"), "\(text)")
        store.press(.char("j")) { $0.review.list.selection = 1 }
    }

    @Test func theReviewViewIsForWhoeverMayReadTheAuditLog() {
        var store = TestStore(Sample.started(as: "aga@acme.test"))
        store.press(.char("9")) { $0.status = StatusMessage("review: not available to your role", .error) }
    }
}
