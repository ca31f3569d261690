import TeamCore
import TermUI

/// While a write waits for another operator's lock: a spinner with the
/// seconds waited on the screen that asked for it; Esc gives the write up
/// (nothing is written); other keys are kept for after it.
public final class LockWaitDisplay: LockWaitObserver, @unchecked Sendable {
    // Used from the loop's one thread only: the store calls back on the
    // thread that writes, which is the loop's.
    private var screen: (any TerminalScreen)?
    private var shown: AppState?
    private(set) var pending: [Key] = []
    private(set) var hungUp = false
    private var frames = 0

    public init() {}

    /// The screen and state the next writes' waits are drawn on.
    func watch(_ screen: any TerminalScreen, _ state: AppState) {
        self.screen = screen
        shown = state
    }

    /// Keys pressed during the last wait, in order; forgets them.
    func takePending() -> [Key] {
        defer { pending = [] }
        return pending
    }

    public func stillWaiting(elapsedMillis: Int) -> Bool {
        guard let screen, var state = shown else { return true }
        while true {
            switch screen.nextInput(timeoutMillis: 0) {
            case .timeout:
                break
            case .hangup:
                hungUp = true
                return false
            case .key(.escape):
                return false
            case .key(.ctrl("c")):
                pending.append(.ctrl("c"))
                return false
            case .key(let key):
                pending.append(key)
                continue
            }
            break
        }
        frames += 1
        let spinner = ["|", "/", "-", "\\"][frames / 3 % 4]
        let seconds = "\(elapsedMillis / 1000).\(elapsedMillis / 100 % 10)"
        state.status = StatusMessage("\(spinner) waiting \(seconds) s for another operator's change to finish; Esc cancels (nothing is written)", .info)
        screen.draw(AppView.render(state))
        return true
    }
}
