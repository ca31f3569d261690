import TeamCore
import TermUI

/// A question before a change that is hard to undo or that locks the
/// operator out: y/N for deactivating, demoting and revoking; the email
/// typed for removing, and for anything done to oneself.
public struct Confirmation: Equatable {
    public enum Answer: Equatable {
        /// `y` confirms; `n`, Enter and Esc cancel.
        case yesNo
        /// This text must be typed exactly, then Enter (a phone number in any
        /// of the ways people write it: ``TypedAnswer``).
        case typed(String)
    }

    public var title: String
    /// What will happen, the consequence first.
    public var lines: [String]
    public var answer: Answer
    public var typed = TextField(maxLength: 254)
    /// What runs when confirmed.
    public var command: TeamCommand
    /// For a change to many members at once: every command, run as one batch (`command` is the first).
    public var batch: [TeamCommand]?
    /// What the status line says when it is cancelled.
    public var cancelled: String
    /// Asked after a yes, before anything runs (a typed confirmation after a y/N about yourself).
    public indirect enum Then: Equatable { case run, ask(Confirmation) }
    public var then: Then = .run

    public init(title: String, lines: [String], answer: Answer, command: TeamCommand, cancelled: String,
                then: Then = .run) {
        self.title = title; self.lines = lines; self.answer = answer; self.command = command; self.cancelled = cancelled
        self.then = then
    }

    /// A question before changing many members at once.
    init(title: String, lines: [String], batch: [TeamCommand], cancelled: String) {
        self.init(title: title, lines: lines, answer: .yesNo, command: batch[0], cancelled: cancelled)
        self.batch = batch
    }

    /// The effect a yes makes.
    var effect: Effect { batch.map { .performBatch($0) } ?? .perform(command) }

    var matches: Bool {
        guard case .typed(let expected) = answer else { return true }
        return TypedAnswer.matches(typed.value, expected: expected)
    }
}

extension Confirmation {
    /// The question a command needs before it runs, if any. Acting on
    /// yourself asks y/N first (so a reflex `n` is safe), then for your
    /// email, naming what you lose.
    static func needed(for command: TeamCommand, on member: Member, _ state: AppState) -> Confirmation? {
        guard var question = question(for: command, on: member, state) else { return nil }
        if case .typed = question.answer, state.operatorContext?.member.id == member.id {
            var first = question
            first.answer = .yesNo
            question.title = "Sure? Type your email"
            first.then = .ask(question)
            return first
        }
        return question
    }

    private static func question(for command: TeamCommand, on member: Member, _ state: AppState) -> Confirmation? {
        let isSelf = state.operatorContext?.member.id == member.id
        let who = isSelf ? "yourself" : member.name
        let selfLines = ["This is you: you lose access to this workspace at once,",
                         "and only another workspace-admin can give it back."]
        switch command {
        case .deactivate:
            return Confirmation(
                title: "Deactivate \(who)?",
                lines: isSelf ? selfLines : ["\(member.name) loses access until reactivated; history and inboxes are kept."],
                answer: isSelf ? .typed(member.email.value) : .yesNo, command: command,
                cancelled: "deactivation cancelled; nothing changed")
        case .setRole(_, let role, _) where role.rank < member.role.rank:
            return Confirmation(
                title: "Demote \(who) to \(role.rawValue)?",
                lines: isSelf
                    ? ["This is you: you keep only what \(role.rawValue) may do, at once,",
                       "and cannot give yourself \(member.role.rawValue) back."]
                    : ["\(member.name) keeps only what \(role.rawValue) may do (now \(member.role.rawValue))."],
                answer: isSelf ? .typed(member.email.value) : .yesNo, command: command,
                cancelled: "role change cancelled; nothing changed")
        case .revokePermission(_, let permission, _) where isSelf:
            return Confirmation(
                title: "Revoke \(permission.rawValue) from yourself?",
                lines: ["This is you: you lose \(permission.rawValue) at once,", "and cannot give it back to yourself."],
                answer: .typed(member.email.value), command: command, cancelled: "revoke cancelled; nothing changed")
        case .removeMember:
            return Confirmation(
                title: "Remove \(who)?",
                lines: (isSelf ? selfLines : []) + ["This removes the member and their inbox assignments."],
                answer: .typed(member.email.value), command: command, cancelled: "remove cancelled; nothing changed")
        default:
            return nil
        }
    }

    /// Revoking an invitation: its token stops working.
    static func revoking(_ invitation: Invitation) -> Confirmation {
        Confirmation(title: "Revoke the invitation for \(invitation.email)?",
                     lines: ["Its token stops working; you can invite \(invitation.email) again later."],
                     answer: .yesNo, command: .revokeInvitation(.id(invitation.id)),
                     cancelled: "revoke cancelled; nothing changed")
    }

    /// Runs `command` at once, or opens its confirmation first.
    static func perform(_ command: TeamCommand, on member: Member, _ state: inout AppState) -> [Effect] {
        guard let question = needed(for: command, on: member, state) else { return [.perform(command)] }
        state.modal = .confirm(question)
        return []
    }

    static let actions: [ActionSpec] = [
        ActionSpec(.confirmYes, keys: [k("y"), k("Y")], scopes: [.confirmWindow], label: "yes",
                   help: "Yes: make the change") { state, _ in
            guard let question = window(state) else { return [] }
            if case .ask(let next) = question.then {
                state.modal = .confirm(next)
                return []
            }
            state.modal = nil
            return [question.effect]
        },
        ActionSpec(.confirmNo, keys: [k("n"), k("N"), k(.enter), k(.escape)], scopes: [.confirmWindow], label: "no",
                   help: "No (the default): change nothing") { state, _ in cancel(&state) },
        ActionSpec(.typedConfirm, keys: [k(.enter)], scopes: [.typedConfirmWindow], label: "confirm",
                   help: "Make the change, once the text asked for is typed (a number with or without spaces, dashes, dots, parentheses)",
                   availability: { state in
                       guard let question = window(state), !question.matches, case .typed(let expected) = question.answer else {
                           return .enabled
                       }
                       return .disabled(reason: "type \(expected) exactly to go on, or Esc to cancel")
                   }) { state, _ in
            guard let question = window(state) else { return [] }
            state.modal = nil
            return [question.effect]
        },
        ActionSpec(.typedCancel, keys: [k(.escape)], scopes: [.typedConfirmWindow], label: "cancel",
                   help: "Change nothing") { state, _ in cancel(&state) },
        ActionSpec(.typedType, keys: [.text], scopes: [.typedConfirmWindow], label: "type",
                   help: "Type the text asked for", inFooter: false) { state, key in
            guard var question = window(state) else { return [] }
            question.typed.apply(key)
            state.modal = .confirm(question)
            return []
        },
    ]

    static func window(_ state: AppState) -> Confirmation? {
        if case .confirm(let question) = state.modal { return question }
        return nil
    }

    static func cancel(_ state: inout AppState) -> [Effect] {
        state.status = StatusMessage(window(state)?.cancelled ?? "cancelled; nothing changed", .info)
        state.modal = nil
        return []
    }

    static let width = 66

    static func draw(_ state: AppState, _ question: Confirmation, _ grid: inout Grid) -> Frame.Cursor? {
        let typed = if case .typed = question.answer { true } else { false }
        var lines = question.lines
        if case .typed(let expected) = question.answer { lines.append("Type \(expected) to confirm:") }
        // Wrapped to the window, which grows to hold them (up to the screen): the consequence is read whole.
        let area = state.layout.windowArea
        let rows = Dialog.wrap(lines, toWidth: Dialog.innerWidth(width, in: area))
        let inner = Dialog(title: question.title, width: width, height: rows.count + (typed ? 4 : 2),
                           hint: Footer.hint(state))
            .draw(&grid, in: area, glyphs: state.glyphs)
        guard inner.width > 2, inner.height > 0 else { return nil }
        // The input line is the last row; the explanations take the rows above it that exist.
        let room = typed ? max(0, min(rows.count, inner.height - 1)) : inner.height
        for (row, line) in Dialog.fit(rows, count: room, width: inner.width, ellipsis: state.glyphs.ellipsis).enumerated() {
            grid.put(line.text, x: inner.x, y: inner.y + row, style: line.line == 0 ? Style(.danger) : .normal, maxWidth: inner.width)
        }
        guard typed else { return nil }
        let inputY = inner.maxY - 1
        grid.put(">", x: inner.x, y: inputY, style: Style(.accent, bold: true))
        return TextInput(question.typed).draw(&grid, Rect(x: inner.x + 2, y: inputY, width: inner.width - 2, height: 1))
    }
}
