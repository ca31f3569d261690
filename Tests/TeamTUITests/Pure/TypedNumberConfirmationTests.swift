import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// Deleting a thread asks for the number as the title shows it, and takes it as people write it.
@Suite struct TypedNumberConfirmationTests {
    static let support = Sample.inboxes[0]
    static let contact = Sample.phone("+14155550123")
    static let summary = ThreadSummary(contact: contact, count: 3, last: ThreadUpdateTests.message(2),
                                       contactFormatted: "+1 415-555-0123")

    /// A manager (who may delete messages) on Support's threads, `D` pressed on the thread.
    static func asked() -> AppState {
        var state = ThreadUpdateTests.threadsOpen(as: "mia@acme.test").state
        _ = App.update(&state, .threadsLoaded(support.phone, [summary]))
        _ = App.update(&state, .key(.char("D")))
        return state
    }

    @Test func theQuestionAsksForTheNumberAsTheTitleShowsIt() throws {
        guard case .confirm(let question) = Self.asked().modal else {
            Issue.record("no confirmation")
            return
        }
        #expect(question.title == "Delete the thread with +1 415-555-0123?")
        #expect(question.answer == .typed("+1 415-555-0123"))
        #expect(AppView.render(Self.asked()).grid.text().contains("Type +1 415-555-0123 to confirm:"))
    }

    @Test(arguments: ["+14155550123", "+1 415-555-0123", "+1 (415) 555-0123"])
    func theNumberTypedAsPeopleWriteItDeletes(_ typed: String) {
        var state = Self.asked()
        for character in typed { _ = App.update(&state, .key(.char(character))) }
        let effects = App.update(&state, .key(.enter))
        #expect(effects == [.perform(.deleteThread(inbox: Self.support.phone, contact: Self.contact))], "\(typed)")
    }

    @Test(arguments: ["+1 415-555-012", "1 415 555 0123"])
    func aWrongNumberDeletesNothing(_ typed: String) {
        var state = Self.asked()
        for character in typed { _ = App.update(&state, .key(.char(character))) }
        let effects = App.update(&state, .key(.enter))
        #expect(effects.isEmpty, "\(typed)")
        #expect(state.status?.kind == .error)
    }
}
