import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// The status line says a thing once: info and success go after about 5 s
/// of idle ticks and on a view switch; an error stays until the next key.
@Suite struct StatusLineTests {
    /// The effects of the `n`th idle tick (presence every second tick).
    static func tickEffects(_ n: Int) -> [Effect] { n % 2 == 0 ? [.checkForChanges, .readPresence] : [.checkForChanges] }

    @Test func anInfoMessageGoesAfterAboutFiveSecondsOfTicks() {
        var store = TestStore(Sample.started())
        store.press(.char("G")) { $0.members.list.selection = 5 }
        store.press(.char("Z")) { $0.status = StatusMessage("Z: no action here; press ? for help", .info) }
        for n in 1..<StatusMessage.infoTicks {
            store.send(.tick, effects: Self.tickEffects(n)) { $0.ticks = n }
        }
        store.send(.tick, effects: Self.tickEffects(StatusMessage.infoTicks)) {
            $0.ticks = StatusMessage.infoTicks
            $0.status = nil
        }
        #expect(StatusMessage.infoTicks * 500 == 5_000)
    }

    @Test func theFiveSecondsCountFromWhenTheMessageWasSaid() {
        var store = TestStore(Sample.started())
        for n in 1...6 { store.send(.tick, effects: Self.tickEffects(n)) { $0.ticks = n } }
        store.press(.char("Z")) { $0.status = StatusMessage("Z: no action here; press ? for help", .info) }
        #expect(store.state.statusSetAt == 6)
        for n in 7..<(6 + StatusMessage.infoTicks) { store.send(.tick, effects: Self.tickEffects(n)) { $0.ticks = n } }
        store.send(.tick, effects: Self.tickEffects(6 + StatusMessage.infoTicks)) {
            $0.ticks = 6 + StatusMessage.infoTicks
            $0.status = nil
        }
    }

    @Test func anErrorStaysThroughTicksUntilTheNextKey() {
        var state = Sample.started()
        state.status = StatusMessage("remove: not allowed", .error)
        var store = TestStore(state)
        for n in 1...(StatusMessage.infoTicks * 3) { store.send(.tick, effects: Self.tickEffects(n)) { $0.ticks = n } }
        store.press(.char("j")) {
            $0.status = nil
            $0.members.list.selection = 1
        }
    }

    /// Keys typed while a write waited for a lock are acted on after it: the
    /// error that write ends with has not been seen yet, so they leave it.
    @Test func keysTypedAheadOfAnErrorLeaveIt() {
        var state = Sample.started()
        state.status = StatusMessage("cancelled while waiting for another operator's change to finish; nothing was changed", .error)
        var store = TestStore(state)
        store.send(.keyAhead(.char("?"))) { $0.modal = .help(HelpWindow()) }
        store.press(.escape) {
            $0.modal = nil
            $0.status = nil
        }
    }

    @Test func aKeyAfterAnErrorMaySaySomethingNew() {
        var state = Sample.started()
        state.status = StatusMessage("remove: not allowed", .error)
        var store = TestStore(state)
        store.press(.char("Z")) { $0.status = StatusMessage("Z: no action here; press ? for help", .info) }
    }

    @Test func switchingViewsClearsTheMessage() {
        var store = TestStore(Sample.started())
        store.press(.char("Z")) { $0.status = StatusMessage("Z: no action here; press ? for help", .info) }
        store.press(.char("3"), effects: [.announce("invitations"), .loadInvitations]) {
            $0.status = nil
            $0.screen = .invitations
        }
    }
}
