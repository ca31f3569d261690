import TeamCore
import TermUI

/// Reads keys, updates the state, runs effects, draws; polls the workspace
/// for other operators' changes whenever the keyboard is idle. Effects that
/// wait for a paint (a write, the full member index) run after the screen
/// shows the state that asked for them.
public enum Loop {
    /// Polling interval: changes by others appear within this time (well
    /// under 1 s); each wake-up costs a little, times a hundred open interfaces.
    public static let pollMillis: Int32 = 500

    /// Why the loop ended.
    public enum End: Equatable { case quit, hangup }

    @discardableResult
    /// `readOnly` says why nothing can be changed, if so (from the start, before any key).
    /// `lockWait` is the observer the workspace was opened with, if any: it
    /// draws the wait for another operator's lock and lets Esc cancel it.
    public static func run(screen: any TerminalScreen, runtime: Runtime, readOnly: ReadOnlyReason?,
                           lockWait: LockWaitDisplay? = nil) -> End {
        var state = AppState(size: screen.size, glyphs: screen.glyphs, readOnly: readOnly)
        var waiting = runtime.start(&state)
        var redrawn = state.redrawRequests
        screen.draw(AppView.render(state))
        while !state.shouldQuit {
            if !waiting.isEmpty {
                let due = waiting
                lockWait?.watch(screen, state)
                waiting = runtime.run(due, &state)
                // Keys pressed while a write waited are acted on now, in order.
                for key in lockWait?.takePending() ?? [] where !state.shouldQuit {
                    waiting += runtime.dispatch(.keyAhead(key), &state)
                }
                if lockWait?.hungUp == true { return .hangup }
            } else {
                switch screen.nextInput(timeoutMillis: pollMillis) {
                case .hangup:
                    return .hangup
                case .timeout:
                    let seen = IdleMarks(state)
                    waiting = runtime.dispatch(.tick, &state)
                    // Nothing moved: no need to draw an idle screen again.
                    if IdleMarks(state) == seen && waiting.isEmpty { continue }
                case .key(.resize):
                    waiting = runtime.dispatch(.resized(screen.size), &state)
                case .key(let key):
                    waiting = runtime.dispatch(.key(key), &state)
                }
            }
            if state.redrawRequests != redrawn {
                redrawn = state.redrawRequests
                screen.redrawAll()
            }
            if !state.shouldQuit { screen.draw(AppView.render(state)) }
        }
        return .quit
    }
}

/// What a tick can change without a key: another operator's commit
/// (data_version), presence, and what the status line or a stop notice says
/// (a failed poll, the file reopened, access lost); cheap to compare.
private struct IdleMarks: Equatable {
    let dataVersion: Int64?
    let presence: [PresenceEntry]
    let status: StatusMessage?
    let lostAccess: String?
    let redrawRequests: Int

    init(_ state: AppState) {
        dataVersion = state.dataVersion; presence = state.presence; status = state.status
        lostAccess = state.lostAccess; redrawRequests = state.redrawRequests
    }
}
