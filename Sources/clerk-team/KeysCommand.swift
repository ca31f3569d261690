import ArgumentParser
import Foundation
import TeamTUI

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print every key of the full-screen interface, by where it applies.",
        discussion: "Generated from the interface's own key table. Inside the interface, ? shows the keys your role can use.")

    @Flag(help: "Print a Markdown table (as in the README).") var markdown = false
    @Flag(help: "Print a roff fragment for the manual page.") var man = false

    func validate() throws {
        if markdown && man { throw ValidationError("--markdown and --man cannot be combined") }
    }

    func run() throws {
        Console.raw(markdown ? KeyReference.markdown() : man ? KeyReference.roff() : KeyReference.text())
    }
}
