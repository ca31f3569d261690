import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// The runtime over a stub workspace: which reads each effect makes, and
/// how a write and its mail come back as actions.
@Suite(.timeLimit(.minutes(10))) struct RuntimeTests {
    @Test func startupReadsTheFeedMarkAndVersionFirstThenTheFirstScreen() {
        let workspace = StubWorkspace()
        let runtime = Runtime(workspace: workspace)
        let state = AppState(size: Size(cols: 100, rows: 30), glyphs: .unicode)
        let actions = runtime.run(.startup(rows: 3), state)
        #expect(actions == [.changeMarkRead(ChangeMark(epoch: [1], seq: 1, schema: 1)), .dataVersionRead(1), .sessionLoaded(Sample.session(as: "olive@acme.test")),
                            .inboxesLoaded(Sample.inboxes.map { InboxSummary(inbox: $0, members: []) }, withMembers: false),
                            .firstRowsLoaded(Array(Sample.members.prefix(3).map(Sample.summary)))])
    }

    @Test func aWriteWaitsForThePaintAndItsMailNoteIsAdded() {
        let workspace = StubWorkspace()
        workspace.outcome = CommandOutcome(message: "invited", changed: true, queuedMail: [7])
        var delivered: [[MailID]] = []
        let runtime = Runtime(workspace: workspace) { ids in
            delivered.append(ids)
            return "mail sent"
        }
        var state = Sample.started()
        let command = TeamCommand.invite(email: Sample.email("a@b.co"), role: .member, inboxes: [])
        #expect(runtime.run(.perform(command), state) == [.performed(command, CommandOutcome(
            message: "invited; mail sent", changed: true, queuedMail: [7]))])
        #expect(delivered == [[7]])
        // Through dispatch, the write is held back until the screen shows "saving…".
        state.members.list.selection = 3
        #expect(runtime.dispatch(.key(.char("d")), &state).isEmpty, "deactivating asks first")
        let waiting = runtime.dispatch(.key(.char("y")), &state)
        #expect(waiting == [.perform(.deactivate(member: Sample.email("mo@acme.test"), expectedVersion: 1))])
        #expect(workspace.performed == [command], "nothing written before the paint")
    }

    @Test func aRefusalComesBackAsAFailure() {
        let workspace = StubWorkspace()
        workspace.refusal = .stale("mo@acme.test was changed by someone else")
        let command = TeamCommand.deactivate(member: Sample.email("mo@acme.test"), expectedVersion: 1)
        #expect(Runtime(workspace: workspace).run(.perform(command), Sample.started())
                == [.failed(.stale("mo@acme.test was changed by someone else"))])
    }
}
