import TeamCore
import TermText
import TermUI

/// One thread's messages, newest at the bottom. Only a window of the thread
/// is held (a page from the end when opened, more as the selection reaches
/// either edge), so a 10,000-message thread opens as fast as a short one.
public struct ThreadState: Equatable {
    public var inbox: Inbox
    public var contact: PhoneNumber
    /// The loaded window, oldest first.
    public var messages: [Message] = []
    /// Every message of the thread.
    public var total = 0
    public var hasOlder = false
    public var hasNewer = false
    /// The selected message and the first one drawn (indices into `messages`).
    public var selection = 0
    public var top = 0
    public var loaded = false
    /// A page is being read: further moves at the edge wait for it.
    public var loading = false
    /// How far the selection moves once the page being read has arrived.
    public var pendingMove = 0

    /// The contact's number as people write it (from the thread list).
    public var contactDisplay: String

    public init(inbox: Inbox, contact: PhoneNumber, contactDisplay: String? = nil) {
        self.inbox = inbox; self.contact = contact; self.contactDisplay = contactDisplay ?? contact.value
    }

    /// Enough to fill a tall terminal several times; more is read as the selection reaches an edge.
    public static let pageSize = 200

    public var selected: Message? { messages.indices.contains(selection) ? messages[selection] : nil }
}

/// Why a page was read, which decides where the selection goes.
public enum ThreadLoad: Equatable, Sendable {
    /// Opened: the newest page, the newest message selected.
    case open
    /// Older messages, put before the window (the selection moves onto them).
    case older
    /// Newer messages, put after the window.
    case newer
    /// Home / End: the first or the last page.
    case oldest, newest
    /// Someone changed the workspace: the newest page again, the selection kept by id.
    case refresh
}

enum ThreadScreen {
    static let actions: [ActionSpec] = [
        ActionSpec(.deleteMessage, keys: [k("d")], scopes: [.threadView], label: "delete",
                   help: "Delete the selected message (needs delete-messages; asks first)", priority: 2,
                   availability: { deleteAvailability($0, needsThread: false) }) { state, _ in
            guard let thread = state.thread, let message = thread.selected else { return [] }
            state.modal = .confirm(Confirmation(
                title: "Delete message #\(message.id)?",
                lines: ["It is deleted for everyone; this cannot be undone.",
                        "The audit log keeps that it was deleted, not what it said."],
                answer: .yesNo, command: .deleteMessage(id: message.id), cancelled: "message not deleted; nothing changed"))
            return []
        },
    ]

    /// An inbox anyone who may see public inboxes sees: asking about it tells
    /// "never" (a missing permission) from "not here".
    static let probeInbox = InboxFacts(id: -1, phone: "+10000000000", visibility: .public)

    /// Deleting in the open thread (or, in the help, in general).
    @Sendable static func deleteAvailability(_ state: AppState, needsThread: Bool) -> Availability {
        if case .hidden = Ask.availability(.deleteMessages(probeInbox), state) { return .hidden }
        guard let inbox = state.thread?.inbox ?? state.threads?.inbox else { return .disabled(reason: "no thread open") }
        if needsThread, currentThread(state) == nil { return .disabled(reason: "no thread selected") }
        if !needsThread, state.thread?.selected == nil { return .disabled(reason: "no message selected") }
        return Ask.availability(.deleteMessages(Ask.facts(inbox)), state)
    }

    /// The thread a thread-wide action is about: the open one, else the one selected in the list.
    static func currentThread(_ state: AppState) -> (Inbox, PhoneNumber, String, Int)? {
        if let thread = state.thread { return (thread.inbox, thread.contact, thread.contactDisplay, thread.total) }
        if let threads = state.threads, let selected = threads.selected {
            return (threads.inbox, selected.contact, selected.contactDisplay, selected.count)
        }
        return nil
    }

    static func load(_ inbox: PhoneNumber, _ contact: PhoneNumber, _ page: MessagePage, _ purpose: ThreadLoad) -> Effect {
        .loadThread(inbox: inbox, contact: contact, page: page, purpose: purpose)
    }

    // MARK: - Moving

    /// Moves the selection by `delta` messages; at an edge with more beyond
    /// it, reads the next page first. Huge deltas are Home and End.
    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        guard var thread = state.thread, thread.loaded, !thread.loading else { return [] }
        let area = self.area(state.layout)
        defer { state.thread = thread }
        if delta <= Int.min / 4 {
            if thread.hasOlder {
                thread.loading = true
                return [load(thread.inbox.phone, thread.contact, .oldest(limit: ThreadState.pageSize), .oldest)]
            }
            thread.selection = 0
        } else if delta >= Int.max / 4 {
            if thread.hasNewer {
                thread.loading = true
                return [load(thread.inbox.phone, thread.contact, .newest(limit: ThreadState.pageSize), .newest)]
            }
            thread.selection = max(0, thread.messages.count - 1)
        } else {
            let target = thread.selection + delta
            if target < 0, thread.hasOlder, let first = thread.messages.first {
                thread.loading = true
                thread.pendingMove = target
                return [load(thread.inbox.phone, thread.contact, .before(first.cursor, limit: ThreadState.pageSize), .older)]
            }
            if target >= thread.messages.count, thread.hasNewer, let last = thread.messages.last {
                thread.loading = true
                thread.pendingMove = target - (thread.messages.count - 1)
                return [load(thread.inbox.phone, thread.contact, .after(last.cursor, limit: ThreadState.pageSize), .newer)]
            }
            thread.selection = min(max(0, target), max(0, thread.messages.count - 1))
        }
        scroll(&thread, area)
        return []
    }

    /// A page: the messages on screen from the top one, less one kept for context.
    static func page(_ state: AppState) -> Int {
        guard let thread = state.thread else { return 1 }
        let area = inside(self.area(state.layout))
        var used = 0, count = 0
        for message in thread.messages.dropFirst(thread.top) {
            used += height(message, width: area.width)
            if used > area.height { break }
            count += 1
        }
        return max(1, count - 1)
    }

    /// A page arrived: put it in place, then move the selection as asked.
    static func applyLoaded(_ purpose: ThreadLoad, _ page: ThreadPage, _ state: inout AppState) {
        guard var thread = state.thread, thread.inbox.phone == page.inbox.phone, thread.contact == page.contact else { return }
        let keep = thread.selected?.id
        thread.total = page.total
        thread.loading = false
        thread.loaded = true
        switch purpose {
        case .open, .newest, .refresh:
            thread.messages = page.messages
            thread.hasOlder = page.hasOlder
            thread.hasNewer = page.hasNewer
            let kept = purpose == .refresh ? page.messages.firstIndex { $0.id == keep } : nil
            thread.selection = kept ?? max(0, page.messages.count - 1)
            if kept == nil { thread.top = thread.selection }
        case .oldest:
            thread.messages = page.messages
            thread.hasOlder = page.hasOlder
            thread.hasNewer = page.hasNewer
            thread.selection = 0
            thread.top = 0
        case .older:
            thread.messages.insert(contentsOf: page.messages, at: 0)
            thread.hasOlder = page.hasOlder
            thread.selection = max(0, thread.selection + page.messages.count + thread.pendingMove)
            thread.top += page.messages.count
        case .newer:
            thread.messages += page.messages
            thread.hasNewer = page.hasNewer
            thread.selection = min(thread.messages.count - 1, thread.selection + thread.pendingMove)
        }
        thread.pendingMove = 0
        thread.selection = min(thread.selection, max(0, thread.messages.count - 1))
        scroll(&thread, area(state.layout))
        state.thread = thread
    }

    /// Our own delete went through: the message leaves the window at once.
    static func deleted(_ id: MessageID, _ state: inout AppState) {
        guard var thread = state.thread, let index = thread.messages.firstIndex(where: { $0.id == id }) else { return }
        thread.messages.remove(at: index)
        thread.total = max(0, thread.total - 1)
        if thread.selection > index || thread.selection >= thread.messages.count { thread.selection = max(0, thread.selection - 1) }
        thread.top = min(thread.top, thread.selection)
        scroll(&thread, area(state.layout))
        state.thread = thread
    }

    /// Keeps the selected message on screen, scrolling as little as possible;
    /// at the end of the thread the last message sits at the bottom.
    static func scroll(_ thread: inout ThreadState, _ outer: Rect) {
        let area = inside(outer)
        guard !thread.messages.isEmpty, area.height > 0 else {
            thread.top = 0
            return
        }
        thread.top = min(max(0, thread.top), thread.selection)
        func span(_ range: ClosedRange<Int>) -> Int { range.reduce(0) { $0 + height(thread.messages[$1], width: area.width) } }
        while thread.top < thread.selection, span(thread.top...thread.selection) > area.height { thread.top += 1 }
        // Fill the screen upwards rather than leave room under the newest message.
        let last = thread.messages.count - 1
        while thread.top > 0, span((thread.top - 1)...last) <= area.height { thread.top -= 1 }
    }

    // MARK: - Drawing

    /// The whole body: a thread gets both panes' room.
    static func area(_ layout: Layout) -> Rect {
        switch (layout.list, layout.side) {
        case (let list?, let side?): Rect(x: list.x, y: list.y, width: side.maxX - list.x, height: list.height)
        case (let list?, nil): list
        case (nil, let side?): side
        case (nil, nil): Rect(x: 0, y: 1, width: layout.header.width, height: 0)
        }
    }

    /// Inside the panel's frame.
    static func inside(_ rect: Rect) -> Rect {
        Panel.framed(rect) ? Rect(x: rect.x + 1, y: rect.y + 1, width: max(0, rect.width - 2), height: max(0, rect.height - 2)) : rect
    }

    /// Rows a message takes: its heading, then its text wrapped under it.
    static func height(_ message: Message, width: Int) -> Int {
        1 + wrapped(message.text, width: width).count
    }

    /// The text as lines of at most `width - 2` cells, indented by two: its own
    /// line breaks kept, every other control character shown escaped.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let room = max(1, width - 2)
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).flatMap { line in
            TerminalText.wrap(TerminalText.sanitize(String(line)), toWidth: room).map { "  " + $0 }
        }
    }

    /// "← in 2026-11-30 10:00  #42" or "→ out … by ann@x" ("< in", "> out" in ASCII).
    static func heading(_ message: Message, glyphs: Glyphs) -> String {
        let arrow = message.direction == .incoming ? glyphs.incoming + " in " : glyphs.outgoing + " out"
        let by = message.sentBy.map { "  by " + TerminalText.sanitize($0) } ?? ""
        return "\(arrow) \(when(message.at))  #\(message.id)\(by)"
    }

    static func when(_ at: Timestamp) -> String {
        String(at.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// A preview on one line: line breaks as spaces, sanitised.
    static func oneLine(_ text: String) -> String {
        TerminalText.sanitize(text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).joined(separator: " "))
    }

    static func draw(_ state: AppState, _ grid: inout Grid) {
        guard let thread = state.thread else { return }
        let rect = area(state.layout)
        let count = thread.loaded ? counted(thread.total, "message") : state.glyphs.ellipsis
        let title = "\(thread.contactDisplay) \(state.glyphs.vertical) \(thread.inbox.name) (\(thread.inbox.displayPhone)) \(state.glyphs.vertical) \(count)"
        let inner = Panel(title: title, focused: true).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 2, inner.height > 0 else { return }
        if thread.loaded, thread.messages.isEmpty {
            grid.put("no messages", x: inner.x, y: inner.y, style: Style(.muted), maxWidth: inner.width)
            return
        }
        var y = inner.y
        for index in thread.messages.indices.dropFirst(thread.top) {
            guard y < inner.maxY else { break }
            let message = thread.messages[index]
            let selected = index == thread.selection
            let role: StyleRole = selected ? .selection : message.direction == .incoming ? .accent : .muted
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: selected ? Style(.selection) : .normal)
            grid.putCell(heading(message, glyphs: state.glyphs), x: inner.x, y: y, width: inner.width, style: Style(role),
                         glyphs: state.glyphs)
            y += 1
            for line in wrapped(message.text, width: inner.width) {
                guard y < inner.maxY else { break }
                grid.putCell(line, x: inner.x, y: y, width: inner.width, style: .normal, glyphs: state.glyphs)
                y += 1
            }
        }
        if thread.hasOlder, thread.top == 0 || thread.loading {
            let more = "more above" + state.glyphs.ellipsis
            let width = TerminalText.width(of: more)
            grid.put(more, x: inner.maxX - width, y: inner.y, style: Style(.muted), maxWidth: width)
        }
    }
}
