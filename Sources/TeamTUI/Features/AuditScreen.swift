import Foundation
import TeamCore
import TermText
import TermUI

/// The audit log, newest first, as the filter asks; the selected event's details beside it.
public struct AuditState: Equatable {
    public var events: [AuditEvent] = []
    public var list = ListState()
    /// The filter as typed (`actor:ann action:role since:2026-11-01 words`).
    public var filter = ""

    public init() {}

    public var selected: AuditEvent? { events.indices.contains(list.selection) ? events[list.selection] : nil }

    /// How many events the view reads at a time (the newest that match).
    static let window = 500
}

/// The audit view: who changed what, when; `/` filters by actor, target,
/// action, date or any word; batches show their id.
enum AuditScreen {
    static let actions: [ActionSpec] = [
        ActionSpec(.auditFilter, keys: [k("/")], scopes: [.auditList], label: "filter",
                   help: "Filter: actor:EMAIL target:TEXT action:TEXT since:YYYY-MM-DD until:YYYY-MM-DD, or any words",
                   priority: 1) { state, _ in
            var prompt = Prompt(purpose: .auditFilter)
            prompt.field = TextField(state.audit.filter, maxLength: 254)
            state.modal = .prompt(prompt)
            return []
        },
        ActionSpec(.auditRevert, keys: [k("u")], scopes: [.auditList], label: "undo",
                   help: "Undo the selected change: shows the exact inverse, made as a new change by you once confirmed",
                   priority: 1, availability: revertAvailability) { state, _ in
            guard let event = state.audit.selected else { return [] }
            state.status = StatusMessage("reading what undoing #\(event.id) would do\(state.glyphs.ellipsis)", .info)
            return [.previewRevert(event.id)]
        },
    ]

    /// Whether `u` can be pressed: a change selected and a writable session. Whether
    /// the inverse is allowed is the guard's answer in the preview (it depends on the change).
    @Sendable static func revertAvailability(_ state: AppState) -> Availability {
        if let why = state.readOnly { return .disabled(reason: why.sentence) }
        guard state.audit.selected != nil else { return .disabled(reason: "no change selected") }
        return .enabled
    }

    /// The preview of an undo: a confirmation showing the exact inverse, or why the guard refuses it.
    static func previewed(_ preview: RevertPreview, _ state: inout AppState) {
        let event = preview.event
        if let refusal = preview.decision.refusal {
            state.status = StatusMessage("undo #\(event.id): refused (\(refusal.rule.rawValue)): \(refusal.message)", .error)
            return
        }
        state.status = nil
        state.modal = .confirm(Confirmation(
            title: "Undo #\(event.id) (\(event.action) \(event.target))?",
            lines: ["Undo: \(preview.sentence).",
                    "Made as a new change by you, checked by the guard; the log keeps both."],
            answer: .yesNo, command: .revert(auditID: event.id), cancelled: "undo cancelled; nothing changed"))
    }

    /// The query for what the filter says; a bad date leaves the filter as it was and says why.
    static func query(_ text: String) throws(ValidationError) -> AuditQuery {
        try AuditQuery.parse(text, limit: AuditState.window)
    }

    static func drawList(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let audit = state.audit
        let title = audit.filter.isEmpty ? "Audit log, newest first (\(audit.events.count))"
            : "Audit log matching '\(audit.filter)' (\(audit.events.count))"
        let inner = Panel(title: title, focused: true).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 1 else { return }
        let flexible = max(0, inner.width - 16 - 3)
        let actorWidth = flexible * 3 / 10, actionWidth = flexible * 3 / 10
        let table = Table(columns: [Column("WHEN", 16), Column("ACTOR", actorWidth), Column("ACTION", actionWidth),
                                    Column("TARGET", flexible - actorWidth - actionWidth)])
        table.draw(&grid, inner, glyphs: state.glyphs, count: audit.events.count, list: audit.list) { index in
            let event = audit.events[index]
            let when = String(event.at.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ")
            let actor = TerminalText.shortenEmail(TerminalText.sanitize(event.actor ?? "-"), toWidth: actorWidth,
                                                  ellipsis: state.glyphs.ellipsis)
            return TableRow([when, actor, event.action, event.target],
                            style: Style(index == audit.list.selection ? .selection : .normal))
        }
        if audit.events.isEmpty {
            grid.put(audit.filter.isEmpty ? "no events" : "no event matches", x: inner.x, y: inner.y + 1, style: Style(.muted),
                     maxWidth: inner.width)
        }
    }

    /// A JSON object's fields one per line (`role: agent`), under a heading; text that is not one, as it is.
    static func fields(_ heading: String, _ json: String) -> [(String, String)] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
            return [(heading, json)]
        }
        return [(heading, "")] + object.keys.sorted().map { key in ("", "\(key): \(describe(object[key]))") }
    }

    static func describe(_ value: Any?) -> String {
        switch value {
        case let text as String: text
        case let list as [Any]: list.map { describe($0) }.joined(separator: ", ")
        // A nested object (a contact's property values): "Company: Tulip Transport, Orders: 15",
        // sorted by key so it reads the same every time (the parsed dictionary has no order).
        case let object as [String: Any]:
            object.keys.sorted().map { "\($0): \(describe(object[$0]))" }.joined(separator: ", ")
        case let number as NSNumber: number.stringValue
        case nil, is NSNull: "-"
        case let other?: "\(other)"
        }
    }

    static func drawDetail(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let inner = Panel(title: "Event", focused: false).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 10, inner.height > 0, let event = state.audit.selected else { return }
        var lines: [(String, String)] = [
            ("#", String(event.id)), ("When", event.at.iso8601), ("Actor", event.actor ?? "(none)"),
            ("Login", event.osLogin + (event.viaAs ? " (--as)" : "")), ("From", event.interface.rawValue),
            ("Action", event.action), ("Target", event.target),
        ]
        if let before = event.before { lines += fields("Before", before) }
        if let after = event.after { lines += fields("After", after) }
        let valueWidth = inner.width - 8
        let wrapped = lines.flatMap { label, value in
            TerminalText.wrap(TerminalText.sanitize(value), toWidth: valueWidth).enumerated().map { ($0 == 0 ? label : "", $1) }
        }
        for (row, line) in wrapped.prefix(inner.height).enumerated() {
            grid.putCell(line.0, x: inner.x, y: inner.y + row, width: 7, style: Style(.muted), glyphs: state.glyphs)
            grid.putCell(line.1, x: inner.x + 8, y: inner.y + row, width: valueWidth, style: .normal, glyphs: state.glyphs)
        }
    }
}
