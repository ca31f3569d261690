import TeamCore
import TermText
import TermUI

/// An inbox's message threads, opened from the inboxes view: newest first,
/// each with its contact, count and last message.
public struct ThreadsState: Equatable {
    public var inbox: Inbox
    public var all: [ThreadSummary] = []
    public var list = ListState()
    /// False until the first answer arrives.
    public var loaded = false

    public init(inbox: Inbox) { self.inbox = inbox }

    public var selected: ThreadSummary? { all.indices.contains(list.selection) ? all[list.selection] : nil }
}

enum ThreadsScreen {
    static let actions: [ActionSpec] = [
        ActionSpec(.openThreads, keys: [k("t"), k(.enter)], scopes: [.inboxList], label: "threads",
                   help: "The selected inbox's message threads (needs view-messages)", priority: 1,
                   availability: openAvailability) { state, _ in
            let all = state.inboxes.all
            guard all.indices.contains(state.inboxes.list.selection) else { return [] }
            let inbox = all[state.inboxes.list.selection].inbox
            state.threads = ThreadsState(inbox: inbox)
            state.thread = nil
            return [.loadThreads(inbox.phone), .announce("threads")]
        },
        ActionSpec(.openThread, keys: [k(.enter), k("o")], scopes: [.threadList], label: "open",
                   help: "Read the selected thread: its messages, newest at the bottom", priority: 1,
                   availability: { state in
                       state.threads?.selected == nil ? .disabled(reason: "no thread selected") : .enabled
                   }) { state, _ in
            guard let threads = state.threads, let selected = threads.selected else { return [] }
            state.thread = ThreadState(inbox: threads.inbox, contact: selected.contact, contactDisplay: selected.contactDisplay)
            return [ThreadScreen.load(threads.inbox.phone, selected.contact, .newest(limit: ThreadState.pageSize), .open)]
        },
        ActionSpec(.deleteThread, keys: [k("D")], scopes: [.threadList, .threadView], label: "delete thread",
                   help: "Delete the whole thread, every message (needs delete-messages; asks first)", priority: 3,
                   availability: { ThreadScreen.deleteAvailability($0, needsThread: true) }) { state, _ in
            guard let (inbox, contact, shown, count) = ThreadScreen.currentThread(state) else { return [] }
            state.modal = .confirm(Confirmation(
                title: "Delete the thread with \(shown)?",
                lines: ["All \(counted(count, "message")) of it are deleted for everyone; this cannot be undone.",
                        "The audit log keeps that it was deleted, not what it said."],
                // Asked for as the title shows it; typed as people write it (TypedAnswer).
                answer: .typed(TypedAnswer.e164(shown) == contact.value ? shown : contact.value), command: .deleteThread(inbox: inbox.phone, contact: contact),
                cancelled: "thread not deleted; nothing changed"))
            return []
        },
    ]

    /// Hidden for an operator who may never read messages; disabled, with the guard's sentence, for this inbox.
    @Sendable static func openAvailability(_ state: AppState) -> Availability {
        let all = state.inboxes.all
        let selected = all.indices.contains(state.inboxes.list.selection) ? all[state.inboxes.list.selection].inbox : nil
        if case .hidden = Ask.availability(.viewMessages(ThreadScreen.probeInbox), state) { return .hidden }
        guard let selected else { return .disabled(reason: "no inbox selected") }
        return readAvailability(.viewMessages(Ask.facts(selected)), state)
    }

    /// Reading is allowed in read-only mode too (`Ask.availability` greys every action then).
    static func readAvailability(_ action: GuardAction, _ state: AppState) -> Availability {
        guard let decision = Ask.guardDecision(action, state) else { return .disabled(reason: "still loading") }
        return Availability(decision)
    }

    static func applyLoaded(_ phone: PhoneNumber, _ threads: [ThreadSummary], _ state: inout AppState) {
        guard var current = state.threads, current.inbox.phone == phone else { return }
        let keep = current.selected?.contact
        current.all = threads
        current.loaded = true
        current.list.selection = threads.firstIndex { $0.contact == keep } ?? min(current.list.selection, max(0, threads.count - 1))
        state.threads = current
    }

    static func drawList(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        guard let threads = state.threads else { return }
        let title = "Threads of \(threads.inbox.name) (\(threads.loaded ? String(threads.all.count) : state.glyphs.ellipsis))"
        let inner = Panel(title: title, focused: state.thread == nil).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 1 else { return }
        let flexible = max(0, inner.width - 17 - 6 - 16 - 3)
        let table = Table(columns: [Column("CONTACT", 17), Column("MSGS", 6), Column("LAST", 16), Column("PREVIEW", flexible)])
        table.draw(&grid, inner, glyphs: state.glyphs, count: threads.all.count, list: threads.list) { index in
            let thread = threads.all[index]
            let arrow = (thread.last.direction == .incoming ? state.glyphs.incoming : state.glyphs.outgoing) + " "
            return TableRow([thread.contactDisplay, String(thread.count), ThreadScreen.when(thread.last.at),
                             arrow + ThreadScreen.oneLine(thread.last.text)],
                            style: Style(index == threads.list.selection ? .selection : .normal))
        }
        if threads.loaded, threads.all.isEmpty {
            grid.put("no threads in this inbox", x: inner.x, y: inner.y + 1, style: Style(.muted), maxWidth: inner.width)
        }
    }

    /// Beside the list: the inbox, and the selected thread's last message in full (wrapped).
    static func drawDetail(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        guard let threads = state.threads else { return }
        let inner = Panel(title: "Last message", focused: false).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 2, inner.height > 0 else { return }
        let kind = threads.inbox.visibility == .public ? "shared inbox" : "individual inbox"
        grid.put("\(threads.inbox.displayPhone) \(state.glyphs.dot) \(kind)", x: inner.x, y: inner.y, style: Style(.muted), maxWidth: inner.width)
        guard let thread = threads.selected else { return }
        var lines = [ThreadScreen.heading(thread.last, glyphs: state.glyphs)]
        lines += ThreadScreen.wrapped(thread.last.text, width: inner.width)
        for (row, line) in lines.prefix(max(0, inner.height - 2)).enumerated() {
            grid.putCell(line, x: inner.x, y: inner.y + 2 + row, width: inner.width, style: row == 0 ? Style(.accent) : .normal,
                         glyphs: state.glyphs)
        }
    }
}

