import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// The threads of an inbox and a thread's messages, as pure updates: which
/// page is read when, where the selection goes, and what the guard lets the
/// operator do there.
@Suite(.timeLimit(.minutes(10))) struct ThreadUpdateTests {
    static let support = Sample.inboxes[0]
    static let contact = Sample.phone("+14155550123")

    static func message(_ index: Int) -> Message {
        Message(id: MessageID(index + 1), direction: index % 2 == 0 ? .incoming : .outgoing,
                at: Timestamp(seconds: 1_790_000_000 + Int64(index) * 60), text: "message \(index + 1)",
                sentBy: index % 2 == 0 ? nil : "aga@acme.test")
    }

    static func page(_ range: Range<Int>, total: Int) -> ThreadPage {
        ThreadPage(inbox: support, contact: contact, messages: range.map(message), total: total,
                   hasOlder: range.lowerBound > 0, hasNewer: range.upperBound < total)
    }

    static let summary = ThreadSummary(contact: contact, count: 10_000, last: message(9_999))

    /// On the inboxes view with Support's threads listed, as `address` sees them.
    static func threadsOpen(as address: String) -> TestStore {
        var store = TestStore(Sample.started(as: address))
        store.press(.char("2"), effects: [.announce("by inbox"), .loadInboxes(withMembers: true)]) { $0.screen = .inboxes }
        store.press(.char("t"), effects: [.loadThreads(support.phone), .announce("threads")]) {
            $0.threads = ThreadsState(inbox: support)
        }
        store.send(.threadsLoaded(support.phone, [summary])) {
            $0.threads?.all = [summary]
            $0.threads?.loaded = true
        }
        return store
    }

    /// …and the 10,000-message thread opened: its newest page of 200.
    static func threadOpen(as address: String) -> TestStore {
        var store = threadsOpen(as: address)
        store.press(.enter, effects: [.loadThread(inbox: support.phone, contact: contact, page: .newest(limit: 200), purpose: .open)]) {
            $0.thread = ThreadState(inbox: support, contact: contact)
        }
        store.send(.threadPageLoaded(.open, page(9_800..<10_000, total: 10_000))) {
            $0.thread?.messages = (9_800..<10_000).map(message)
            $0.thread?.total = 10_000
            $0.thread?.hasOlder = true
            $0.thread?.loaded = true
            // The newest selected, at the bottom: 12 messages of two rows fill the 25 rows inside the frame.
            $0.thread?.selection = 199
            $0.thread?.top = 188
        }
        return store
    }

    @Test func openingAThreadReadsItsNewestPageAndHomeReadsTheOldest() {
        var store = Self.threadOpen(as: "aga@acme.test")
        store.press(.char("k")) { $0.thread?.selection = 198 }
        store.press(.pageUp) {
            $0.thread?.selection = 187
            $0.thread?.top = 187
        }
        store.press(.char("g"), effects: [.loadThread(inbox: Self.support.phone, contact: Self.contact,
                                                      page: .oldest(limit: 200), purpose: .oldest)]) {
            $0.thread?.loading = true
        }
        // Keys at an edge wait for the page on its way.
        store.press(.char("k"))
        store.send(.threadPageLoaded(.oldest, Self.page(0..<200, total: 10_000))) {
            $0.thread?.messages = (0..<200).map(Self.message)
            $0.thread?.hasOlder = false
            $0.thread?.hasNewer = true
            $0.thread?.loading = false
            $0.thread?.selection = 0
            $0.thread?.top = 0
        }
        // Nothing older: the first message stays selected, nothing is read.
        store.press(.char("k"))
        store.press(.escape) { $0.thread = nil }
        store.press(.escape, effects: [.announce("by inbox")]) { $0.threads = nil }
    }

    @Test func movingPastTheWindowReadsTheOlderPageAndKeepsTheSelectionInPlace() {
        var store = Self.threadOpen(as: "aga@acme.test")
        store.press(.char("g"), effects: [.loadThread(inbox: Self.support.phone, contact: Self.contact,
                                                      page: .oldest(limit: 200), purpose: .oldest)]) { $0.thread?.loading = true }
        store.send(.threadPageLoaded(.newest, Self.page(9_800..<10_000, total: 10_000))) {
            $0.thread?.loading = false
        }
        var state = store.state
        state.thread?.selection = 0
        state.thread?.top = 0
        store = TestStore(state)
        let first = Self.message(9_800).cursor
        store.press(.char("k"), effects: [.loadThread(inbox: Self.support.phone, contact: Self.contact,
                                                      page: .before(first, limit: 200), purpose: .older)]) {
            $0.thread?.loading = true
            $0.thread?.pendingMove = -1
        }
        store.send(.threadPageLoaded(.older, Self.page(9_600..<9_800, total: 10_000))) {
            $0.thread?.messages = (9_600..<10_000).map(Self.message)
            $0.thread?.loading = false
            $0.thread?.pendingMove = 0
            // The message just above the old first one, at the top of the screen.
            $0.thread?.selection = 199
            $0.thread?.top = 199
        }
    }

    @Test func deletingAMessageIsOfferedOnlyWithDeleteMessagesAndAsksFirst() {
        // An agent reads messages but may not delete them: the key is hidden.
        var agent = Self.threadOpen(as: "aga@acme.test")
        #expect(!Keymap.footer(agent.state).contains { $0.spec.id == .deleteMessage })
        agent.press(.char("d")) { $0.status = StatusMessage("delete: not available to your role", .error) }

        var manager = Self.threadOpen(as: "mia@acme.test")
        #expect(Keymap.footer(manager.state).contains { $0.spec.id == .deleteMessage && $0.availability == .enabled })
        let command = TeamCommand.deleteMessage(id: 10_000)
        manager.press(.char("d")) {
            $0.modal = .confirm(Confirmation(
                title: "Delete message #10000?",
                lines: ["It is deleted for everyone; this cannot be undone.",
                        "The audit log keeps that it was deleted, not what it said."],
                answer: .yesNo, command: command, cancelled: "message not deleted; nothing changed"))
        }
        manager.press(.char("y"), effects: [.perform(command)]) {
            $0.modal = nil
            $0.status = PureUpdateTests.saving
        }
        manager.send(.performed(command, CommandOutcome(message: "deleted message #10000", changed: true)),
                     effects: [.loadInboxes(withMembers: true), .loadThreads(Self.support.phone)]) {
            $0.status = StatusMessage("deleted message #10000", .success)
            $0.thread?.messages.removeLast()
            $0.thread?.total = 9_999
            $0.thread?.selection = 198
            $0.thread?.top = 187
        }
    }

    @Test func threadsAreOfferedOnlyToWhoMayReadThemInThatInbox() {
        // admin lacks view-messages: the key is not there at all.
        var admin = TestStore(Sample.started(as: "adam@acme.test"))
        admin.press(.char("2"), effects: [.announce("by inbox"), .loadInboxes(withMembers: true)]) { $0.screen = .inboxes }
        #expect(!Keymap.footer(admin.state).contains { $0.spec.id == .openThreads })
        admin.press(.char("t")) { $0.status = StatusMessage("threads: not available to your role", .error) }
        // An agent may read messages, but not those of a private inbox they cannot see: it reads as no such inbox.
        var agent = TestStore(Sample.started(as: "aga@acme.test"))
        agent.press(.char("2"), effects: [.announce("by inbox"), .loadInboxes(withMembers: true)]) { $0.screen = .inboxes }
        agent.press(.char("G")) { $0.inboxes.list.selection = 2 }
        agent.press(.char("t")) { $0.status = StatusMessage("threads: no inbox +14155550190 in this workspace", .error) }
    }

    @Test func aFailedReadClosesTheThreadScreens() {
        var store = Self.threadOpen(as: "aga@acme.test")
        store.send(.threadsFailed(.notFound("no inbox +14155550100 in this workspace"))) {
            $0.threads = nil
            $0.thread = nil
            $0.status = StatusMessage("no inbox +14155550100 in this workspace", .error)
        }
    }
}
