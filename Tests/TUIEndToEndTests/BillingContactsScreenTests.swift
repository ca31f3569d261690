import Foundation
import Testing
import TestSupport

/// The billing and contacts views in a real terminal: a contact name planted
/// with an escape sequence is drawn escaped, the filter narrows the list, and
/// an operator without modify-billing is told the view is not theirs.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct BillingContactsScreenTests {
    @Test func contactsAreFilteredAndDrawnSafely() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("billing", "set", "--seats", "20", "--plan", "Pro")
        try h.ok("contacts", "add", "+442079460123", "--name", "Siobhán Ní Bhriain")
        try h.ok("contacts", "add", "+81312345678", "--name", "Hanako")
        try h.plantSQL("UPDATE contacts SET name = 'Hanako' || char(27) || '[2J evil' WHERE phone = '+81312345678'")
        try h.openTUI()
        try h.tmux.waitFor("seats 6/20")
        try h.tmux.press("7")
        try h.tmux.waitFor("Pro")
        try h.tmux.press("8")
        try h.tmux.waitFor("Contacts (2)")
        #expect(try h.tmux.capture().contains("Hanako\\x1b[2J"))
        try h.tmux.press("/")
        try h.tmux.waitFor("Filter contacts")
        try h.tmux.type("bhri")
        try h.tmux.press("Enter")
        try h.tmux.waitFor("Contacts matching 'bhri' (1 of 2)")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test func billingIsNotOfferedWithoutModifyBilling() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("billing", "set", "--seats", "20")
        try h.openTUI(as: "manager@acme.test")
        try h.tmux.waitFor("(manager)")
        #expect(!(try h.tmux.capture().contains("seats")))
        try h.tmux.press("7")
        try h.tmux.waitFor("billing: not available to your role")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
