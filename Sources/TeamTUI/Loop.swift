import TeamCore
import TermUI

/// The terminal side the loop needs; the ncurses backend provides it, tests
/// can provide another.
public protocol Screen: AnyObject {
    var size: Size { get }
    var glyphs: Glyphs { get }
    func draw(_ frame: Frame)
    /// A key, a timeout (poll for outside changes) or the end (hang-up, signal).
    func nextInput(timeoutMillis: Int32) -> ScreenInput
}

public enum ScreenInput: Equatable {
    case key(Key)
    case timeout
    case hangup
}

/// Reads keys, updates the state, runs effects, draws; polls the workspace
/// for other operators' changes whenever the keyboard is idle.
public enum Loop {
    /// Polling interval: changes by others appear within this time (well under 1 s).
    public static let pollMillis: Int32 = 200

    /// Why the loop ended.
    public enum End: Equatable { case quit, hangup }

    @discardableResult
    public static func run(screen: Screen, runtime: Runtime, readOnly: Bool) -> End {
        var state = AppState(size: screen.size, glyphs: screen.glyphs, readOnly: readOnly)
        runtime.willPerform = { current in
            var saving = current
            saving.status = StatusMessage("saving… (waits if another operator is writing)", .info)
            screen.draw(AppView.render(saving))
        }
        runtime.start(&state)
        screen.draw(AppView.render(state))
        while !state.shouldQuit {
            if runtime.runAfterPaint(&state) {
                screen.draw(AppView.render(state))
                continue
            }
            switch screen.nextInput(timeoutMillis: pollMillis) {
            case .hangup:
                return .hangup
            case .timeout:
                guard runtime.workspaceChanged() else { continue }
                runtime.dispatch(.externalChange, &state)
            case .key(.resize):
                runtime.dispatch(.resized(screen.size), &state)
            case .key(let key):
                runtime.dispatch(.key(key), &state)
            }
            if !state.shouldQuit { screen.draw(AppView.render(state)) }
        }
        return .quit
    }
}
