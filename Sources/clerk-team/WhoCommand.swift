import ArgumentParser
import Foundation
import JSONText
import TeamCore

struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who",
        abstract: "Who has the workspace open in the full-screen interface now.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON: an array of {login, email, name, since, screen, pid}.") var json = false

    func run() throws {
        let entries = try global.openWorkspace().presence()
        if json {
            return JSONViews.printArray(entries) { entry in
                .object([("login", .string(entry.login)), ("email", .string(entry.email)), ("name", .string(entry.name)),
                         ("since", .string(entry.since.iso8601)), ("screen", .string(entry.screen)),
                         ("pid", .int(Int64(entry.pid)))])
            }
        }
        guard !entries.isEmpty else { return Console.line("nobody has the workspace open") }
        Console.table(["LOGIN", "MEMBER", "SINCE", "VIEW"], entries.map {
            [$0.login, "\($0.name) <\($0.email)>", $0.since.iso8601, $0.screen]
        })
    }
}
