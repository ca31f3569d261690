import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// Windows wrap their sentences to their width and grow to hold them; only
/// when even the whole screen is too low is the text cut, with the ellipsis.
@Suite struct DialogWrapTests {
    /// The window alone on an empty screen, and the text inside its frame as one line.
    static func drawn(_ state: AppState, _ draw: (AppState, inout Grid) -> Void) -> (grid: String, inside: String) {
        var grid = Grid(size: state.size)
        draw(state, &grid)
        let rows = grid.text().split(separator: "\n").compactMap { row -> String? in
            guard let first = row.firstIndex(of: "│"), let last = row.lastIndex(of: "│"), first < last else { return nil }
            return row[row.index(after: first)..<last].trimmingCharacters(in: .whitespaces)
        }
        return (grid.text(), rows.filter { !$0.isEmpty }.joined(separator: " "))
    }

    static func confirming(_ question: TeamTUI.Confirmation, size: Size = Size(cols: 100, rows: 30)) -> (grid: String, inside: String) {
        var state = Sample.started(size: size)
        state.modal = .confirm(question)
        return drawn(state) { state, grid in _ = TeamTUI.Confirmation.draw(state, question, &grid) }
    }

    static var deactivate: TeamTUI.Confirmation { TeamTUI.Confirmation(
        title: "Deactivate Dmitri Kowalski?",
        lines: ["Dmitri Kowalski loses access until reactivated; history and inboxes are kept."],
        answer: .yesNo, command: .deactivate(member: Sample.email("mo@acme.test"), expectedVersion: 1), cancelled: "x") }

    @Test func aConsequenceLongerThanTheWindowIsWrappedNotCut() {
        let shown = Self.confirming(Self.deactivate)
        #expect(shown.inside.contains("Dmitri Kowalski loses access until reactivated; history and inboxes are kept."), "\(shown.grid)")
        #expect(!shown.grid.contains("…"))
    }

    @Test func theUndoQuestionShowsTheWholeInverse() {
        let undo = TeamTUI.Confirmation(
            title: "Undo #42?",
            lines: ["Undo: set dmitri.kowalski.16@demo.example's role back to agent (now manager).",
                    "Made as a new change by you, checked by the guard; the log keeps both."],
            answer: .yesNo, command: .revert(auditID: 42), cancelled: "x")
        let shown = Self.confirming(undo)
        #expect(shown.inside.contains("Undo: set dmitri.kowalski.16@demo.example's role back to agent (now manager)."), "\(shown.grid)")
        #expect(shown.inside.contains("the log keeps both."))
    }

    @Test func aTypedQuestionWrapsItsLinesAboveTheInput() {
        let delete = TeamTUI.Confirmation(
            title: "Delete the thread with +1 415-555-0123?",
            lines: ["All 10,000 messages of it are deleted for everyone; this cannot be undone.",
                    "The audit log keeps that it was deleted, not what it said."],
            answer: .typed("+1 415-555-0123"), command: .deleteThread(inbox: Sample.phone("+14155550100"), contact: Sample.phone("+14155550123")),
            cancelled: "x")
        let shown = Self.confirming(delete)
        #expect(shown.inside.contains("All 10,000 messages of it are deleted for everyone; this cannot be undone."), "\(shown.grid)")
        #expect(shown.inside.contains("Type +1 415-555-0123 to confirm:"), "\(shown.grid)")
        #expect(shown.grid.split(separator: "\n").contains { $0.contains("│>") || $0.contains("│ >") || $0.contains("> ") })
    }

    @Test func onlyAScreenTooLowCutsTheTextAndSaysSoWithTheEllipsis() {
        let long = TeamTUI.Confirmation(title: "Many", lines: (1...30).map { "Line \($0) of a long explanation that goes on." },
                                answer: .yesNo, command: .revert(auditID: 1), cancelled: "x")
        let shown = Self.confirming(long, size: Size(cols: 100, rows: 12))
        #expect(shown.inside.contains("Line 1 of a long explanation"))
        #expect(shown.grid.contains("…"), "\(shown.grid)")
        #expect(!shown.inside.contains("Line 30"))
    }

    @Test func aPromptsRefusalIsWrappedUnderTheField() {
        var prompt = Prompt(purpose: .billingContact)
        let why = "'" + String(repeating: "a", count: 40) + "…' (10000 bytes) is not an email address: longer than 254 characters; give one address like ann@example.com"
        prompt.error = why
        var state = Sample.started()
        state.modal = .prompt(prompt)
        let shown = Self.drawn(state) { state, grid in _ = Prompt.draw(state, prompt, &grid) }
        #expect(shown.inside.contains("longer than 254 characters; give one address like ann@example.com"), "\(shown.grid)")
    }

    @Test func theInviteFormsRefusalIsWrapped() {
        var form = InviteForm(roles: [.agent], inboxes: [])
        form.error = "the workspace is full: all 58 seats are taken (56 active members, 2 pending invitations); raise the seat limit or revoke an invitation first"
        var state = Sample.started()
        state.modal = .invite(form)
        let shown = Self.drawn(state) { state, grid in _ = InviteForm.draw(state, form, &grid) }
        #expect(shown.inside.contains("raise the seat limit or revoke an invitation first"), "\(shown.grid)")
    }
}
