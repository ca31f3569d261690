import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// The header: the seats the seat rule counts, and what matters most kept
/// when the line is too long for the terminal.
@Suite struct HeaderTests {
    static func here(_ count: Int) -> [PresenceEntry] {
        (0..<count).map { PresenceEntry(login: "u\($0)", email: "u\($0)@acme.test", name: "U \($0)",
                                         since: Timestamp(seconds: 1_790_000_000), screen: "members", pid: Int32(100 + $0)) }
    }

    /// Olive, with a long workspace name, 56 active members and 6 pending invitations of 58 seats, one more here.
    static func crowded(cols: Int) -> AppState {
        var state = Sample.started(size: Size(cols: cols, rows: 30))
        var session = Sample.session(as: "olive@acme.test")
        session.workspaceName = "Northwind Logistics Customer Care"
        session.memberCount = 56
        session.seats = SeatUsage(active: 56, pending: 6, limit: 58)
        _ = App.update(&state, .sessionLoaded(session))
        _ = App.update(&state, .presenceRead(here(1)))
        return state
    }

    static func header(_ state: AppState) -> String {
        String(AppView.render(state).grid.text().split(separator: "\n", omittingEmptySubsequences: false)[0])
    }

    @Test func seatsShowWhatTheSeatRuleCountsTakenWithPendingInvitations() {
        let header = Self.header(Self.crowded(cols: 160))
        #expect(header.contains("seats 62/58"), "\(header)")
        #expect(header.contains("1 more here (w)"), "\(header)")
        #expect(header.contains("clerk-team"), "the whole line fits at 160 columns: \(header)")
    }

    @Test(arguments: [100, 80]) func thePresenceCountSurvivesANarrowTerminal(cols: Int) {
        let header = Self.header(Self.crowded(cols: cols))
        #expect(header.contains("1 more here (w)") || header.contains("+1 here"), "\(cols) columns: \(header)")
        #expect(header.contains("Olive Owner"), "\(cols) columns: \(header)")
        #expect(!header.contains("…"), "nothing is cut at \(cols) columns: \(header)")
    }

    @Test func aReadOnlyWarningIsNeverDroppedForRoom() {
        var state = Self.crowded(cols: 60)
        state.readOnly = .fileNotWritable
        let header = Self.header(state)
        #expect(header.contains(ReadOnlyReason.fileNotWritable.label), "\(header)")
    }
}

/// The `v` key's help names every view it cycles through.
@Suite struct SwitchViewHelpTests {
    @Test func theSwitchKeysHelpNamesEveryView() throws {
        let spec = try #require(Keymap.all.first { $0.id == .switchView })
        for screen in AppState.Screen.allCases {
            #expect(spec.help.contains(screen.title), "\(screen.title) missing from: \(spec.help)")
        }
    }
}
