import Testing
@testable import TeamTUI
import TermUI

/// Sends actions to the pure `update` and checks the whole state and the
/// exact effects, as TCA's TestStore does: each step says what changes, and
/// anything else that changed fails the test.
struct TestStore {
    private(set) var state: AppState

    init(_ state: AppState) { self.state = state }

    /// Sends `action`; the new state must equal the old one changed by
    /// `expect`, and the effects must be exactly `effects`.
    mutating func send(_ action: AppAction, effects expected: [Effect] = [],
                       sourceLocation: SourceLocation = #_sourceLocation,
                       _ expect: (inout AppState) -> Void = { _ in }) {
        var wanted = state
        expect(&wanted)
        // A new status joins the message log (its own test checks the log itself).
        if let status = wanted.status, status != state.status {
            wanted.messages.insert(status, at: 0)
            wanted.statusSetAt = wanted.ticks
        }
        wanted.relayout()
        let effects = App.update(&state, action)
        #expect(effects == expected, "effects of \(action)", sourceLocation: sourceLocation)
        if state != wanted {
            Issue.record(Comment(rawValue: "state after \(action) differs:\n" + Self.difference(wanted, state)),
                         sourceLocation: sourceLocation)
            state = wanted
        }
    }

    mutating func press(_ key: Key, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                        _ expect: (inout AppState) -> Void = { _ in }) {
        send(.key(key), effects: effects, sourceLocation: sourceLocation, expect)
    }

    /// The top-level fields that differ, expected first.
    static func difference(_ expected: AppState, _ actual: AppState) -> String {
        let wanted = Mirror(reflecting: expected).children
        let got = Array(Mirror(reflecting: actual).children)
        var lines: [String] = []
        for (index, child) in wanted.enumerated() {
            let mine = String(describing: child.value), theirs = String(describing: got[index].value)
            if mine != theirs {
                lines.append("  \(child.label ?? "?"):\n    expected \(mine.prefix(600))\n    actual   \(theirs.prefix(600))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
