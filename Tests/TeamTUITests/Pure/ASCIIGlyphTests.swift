import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// Without UTF-8 (`LC_ALL=C`) every symbol the interface draws comes from
/// the ASCII glyphs: a Unicode arrow or dot would be drawn as "?". Only
/// people's own text (a name with an accent) may be non-ASCII.
@Suite struct ASCIIGlyphTests {
    /// Non-ASCII characters on the screen that are not in people's text.
    static func foreign(_ state: AppState) -> Set<Character> {
        var state = state
        state.glyphs = .ascii
        let people = (Sample.contactListing.contacts.map { $0.name + $0.values.map(\.value).joined() }
                      + Sample.members.map(\.name)).joined()
        return Set(AppView.render(state).grid.text().filter { !$0.isASCII && !people.contains($0) })
    }

    static func ascii(_ state: AppState) -> AppState {
        var state = state
        state.glyphs = .ascii
        return state
    }

    @Test func everyViewAndItsFooterAreASCII() {
        for screen in AppState.Screen.allCases {
            var state = Self.ascii(Sample.started())
            _ = App.update(&state, .contactsLoaded(Sample.contactListing))
            _ = App.update(&state, .auditLoaded([ComplianceUpdateTests.roleChange]))
            _ = App.update(&state, .reviewLoaded(ComplianceUpdateTests.review))
            state.screen = screen
            state.relayout()
            #expect(Self.foreign(state).isEmpty, "\(screen): \(Self.foreign(state))")
        }
    }

    @Test func threadPreviewsAndMessagesShowDirectionInASCII() {
        var threads = ThreadUpdateTests.threadsOpen(as: "aga@acme.test").state
        threads.glyphs = .ascii
        #expect(Self.foreign(threads).isEmpty, "\(Self.foreign(threads))")
        let text = AppView.render(threads).grid.text()
        #expect(text.contains("> message 10000") || text.contains("< message 10000"), "\(text)")
        var thread = ThreadUpdateTests.threadOpen(as: "aga@acme.test").state
        thread.glyphs = .ascii
        #expect(Self.foreign(thread).isEmpty, "\(Self.foreign(thread))")
        let messages = AppView.render(thread).grid.text()
        #expect(messages.contains("< in ") && messages.contains("> out"), "\(messages)")
    }

    @Test func windowsAndMessagesAreASCII() {
        var state = Self.ascii(Sample.started())
        _ = App.update(&state, .key(.char("Z")))
        for window: Modal in [.help(HelpWindow()), .messages(MessageLog()), .palette(Palette())] {
            state.modal = window
            #expect(Self.foreign(state).isEmpty, "\(window): \(Self.foreign(state))")
        }
        state.modal = nil
        _ = App.update(&state, .key(.up))
        #expect(state.status?.text.allSatisfy(\.isASCII) != false, "\(String(describing: state.status))")
    }
}
