import ArgumentParser
import TeamCore

struct BillingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing",
        abstract: "Show or change the plan, the seat limit and the billing contact (needs modify-billing).",
        discussion: """
            Billing is shown only to those who may change it (modify-billing). A seat is held by an active
            member and reserved by a pending invitation: inviting needs a free seat, accepting and reactivating
            need an active member's seat, and the limit cannot go below the active members.
            """,
        subcommands: [Show.self, Change.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the plan, the seats and the billing contact.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON: {plan, seat_limit, active_members, pending_invitations, contact, version}.") var json = false

        func run() throws {
            let billing = try global.openWorkspaceForReading().billing()
            if json { return Console.raw(ContactJSON.billing(billing).rendered() + "\n") }
            let seats = billing.seats
            let used = seats.limit.map { "\(seats.taken) of \($0) taken" } ?? "\(seats.taken) taken, no limit"
            Console.pairs([
                ("plan", billing.plan ?? "(none)"),
                ("seats", "\(used) (\(counted(seats.active, "active member")), \(counted(seats.pending, "pending invitation")))"),
                ("contact", billing.contact?.value ?? "(none)"),
            ])
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change the plan, the seat limit (a number, or none) and/or the billing contact.",
            usage: "clerk-team billing set [--plan <name>] [--seats <n|none>] [--contact <email>]")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Option(help: ArgumentHelp("The plan's name.", valueName: "name")) var plan: String?
        @Option(help: ArgumentHelp("The seat limit: a whole number (not below the active members), or none.", valueName: "n|none"))
        var seats: String?
        @Option(help: ArgumentHelp("Who receives invoices.", valueName: "email")) var contact: String?

        func validate() throws {
            if plan == nil, seats == nil, contact == nil {
                throw ArgumentParser.ValidationError("give at least one of --plan, --seats, --contact")
            }
        }

        func run() throws {
            var update = BillingUpdate()
            if let plan { update.plan = try Parse.name(plan, field: "plan") }
            if let seats {
                do { update.seatLimit = .some(try SeatRule.parseLimit(seats)) } catch { throw TeamError.invalid(error) }
            }
            if let contact { update.contact = try Parse.email(contact) }
            try perform(global, output, .setBilling(update))
        }
    }
}
