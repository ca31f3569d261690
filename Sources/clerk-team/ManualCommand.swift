import ArgumentParser

/// `clerk-team manual`: prints clerk-team(1) as roff. Hidden: the install
/// script runs it to write the page for `man`; people read the page.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the manual page clerk-team(1) as roff (the install script writes it for man).",
        shouldDisplay: false)

    func run() throws {
        Console.raw(try ManualPage.render())
    }
}
