import TeamCore
import TermText
import TermUI

/// The workspace's billing, as read.
public struct BillingState: Equatable {
    /// nil until read.
    public var summary: BillingSummary?

    public init() {}
}

/// The billing view: plan, seats and billing contact. Shown only to those
/// who may see billing (the guard's `viewBilling`: holders of
/// `modify-billing`); each change asks the guard again.
enum BillingScreen {
    static let actions: [ActionSpec] = [
        ActionSpec(.billingPlan, keys: [k("p")], scopes: [.billingView], label: "plan",
                   help: "Change the plan's name", priority: 2,
                   availability: { Ask.availability(.modifyBilling, $0) }) { state, _ in
            state.modal = .prompt(Prompt(purpose: .billingPlan, text: state.billing.summary?.plan ?? ""))
            return []
        },
        ActionSpec(.billingSeats, keys: [k("s")], scopes: [.billingView], label: "seats",
                   help: "Change the seat limit (a number not below the active members, or none)", priority: 1,
                   availability: { Ask.availability(.modifyBilling, $0) }) { state, _ in
            let limit = state.billing.summary?.seats.limit.map(String.init) ?? ""
            state.modal = .prompt(Prompt(purpose: .billingSeats, text: limit))
            return []
        },
        ActionSpec(.billingContact, keys: [k("c")], scopes: [.billingView], label: "billing contact",
                   help: "Change who receives invoices (an email)", priority: 3,
                   availability: { Ask.availability(.modifyBilling, $0) }) { state, _ in
            state.modal = .prompt(Prompt(purpose: .billingContact, text: state.billing.summary?.contact?.value ?? ""))
            return []
        },
    ]

    /// The lines the view shows, label and value.
    static func lines(_ billing: BillingSummary) -> [(String, String)] {
        let seats = billing.seats
        return [
            ("Plan", billing.plan ?? "(none)"),
            ("Seat limit", seats.limit.map(String.init) ?? "none"),
            ("Active members", String(seats.active)),
            ("Pending invitations", String(seats.pending)),
            ("Free seats", seats.limit.map { String(max(0, $0 - seats.taken)) } ?? "no limit"),
            ("Billing contact", billing.contact?.value ?? "(none)"),
        ]
    }

    static func draw(_ state: AppState, _ grid: inout Grid, _ rect: Rect) {
        let inner = Panel(title: "Billing", focused: true).draw(&grid, rect, glyphs: state.glyphs)
        guard inner.width > 0, inner.height > 0 else { return }
        guard let billing = state.billing.summary else {
            grid.put(state.glyphs.ellipsis, x: inner.x, y: inner.y, style: Style(.muted), maxWidth: inner.width)
            return
        }
        let labelWidth = min(21, inner.width / 2)
        let rows = lines(billing)
        for (row, line) in rows.prefix(inner.height).enumerated() {
            grid.putCell(line.0, x: inner.x, y: inner.y + row, width: labelWidth, style: Style(.accent, bold: true),
                         glyphs: state.glyphs)
            grid.putCell(TerminalText.sanitize(line.1), x: inner.x + labelWidth, y: inner.y + row,
                         width: inner.width - labelWidth, style: .normal, glyphs: state.glyphs)
        }
        let note = TerminalText.wrap("A seat is held by an active member and reserved by a pending invitation; "
                                     + "the limit cannot go below the active members.", toWidth: inner.width)
        for (index, line) in note.enumerated() where rows.count + 1 + index < inner.height {
            grid.putCell(line, x: inner.x, y: inner.y + rows.count + 1 + index, width: inner.width, style: Style(.muted),
                         glyphs: state.glyphs)
        }
    }
}
