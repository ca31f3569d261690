import ArgumentParser
import Foundation
import TermText

/// How a usage error is reported: one line saying what is wrong, then the
/// usage of the command that was meant, then where its help is. A mistyped
/// subcommand (`members delete`) is named with the closest real one
/// ("did you mean 'members remove'?") instead of argument-parser's
/// "unexpected argument" against the group's default subcommand, whose usage
/// would be another command's.
enum UsageErrors {
    /// Words people use for a command under another name.
    static let synonyms = ["delete": "remove", "rm": "remove", "del": "remove", "ls": "list", "new": "create",
                           "create": "add", "mv": "rename", "disable": "deactivate", "enable": "reactivate",
                           "role": "set-role", "info": "show", "get": "show", "cancel": "revoke", "send": "flush"]

    /// The text to print for a usage error `error` on `arguments` (without the program name).
    static func message(for error: Error, arguments: [String]) -> String {
        if let unknown = unknownSubcommand(in: arguments) {
            let path = (unknown.path + [unknown.word]).joined(separator: " ")
            let names = unknown.group.configuration.subcommands.filter { $0.configuration.shouldDisplay }
                .map { $0._commandName }
            guard let meant = suggestion(for: unknown.word, among: unknown.group.configuration.subcommands) else {
                return "unknown command '\(sanitized(path))'; the commands here are: \(names.joined(separator: ", "))\n"
                    + usage(of: unknown.group, path: unknown.path)
            }
            let meantPath = (unknown.path + [meant._commandName]).joined(separator: " ")
            return "unknown command '\(sanitized(path))'; did you mean '\(meantPath)'?\n"
                + usage(of: meant, path: unknown.path + [meant._commandName])
        }
        // argument-parser's message is its first line; its usage follows; its
        // "Help:" line repeats the option's help and is dropped.
        let full = ClerkTeam.fullMessage(for: error)
        var lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Six or more choices come as a list of "  - value" lines after the first.
        let bullets = lines.dropFirst().prefix { $0.hasPrefix("  - ") }
        lines.removeSubrange(1..<(1 + bullets.count))
        let first = badValue((lines.first ?? "").replacingOccurrences(of: "Error: ", with: ""),
                             listed: bullets.map { String($0.dropFirst(4)) })
        let rest = lines.dropFirst().filter { !$0.hasPrefix("Help:") && !$0.isEmpty }
        return ([sanitized(first)] + rest).joined(separator: "\n")
    }

    /// The usage line and the help pointer of a command, as argument-parser writes them.
    static func usage(of command: ParsableCommand.Type, path: [String]) -> String {
        let name = (["clerk-team"] + path).joined(separator: " ")
        return "Usage: \(ClerkTeam.usageString(for: command))\n  See '\(name) --help' for more information."
    }

    /// argument-parser's "The value 'V' is invalid for '--opt <v>'…" in a
    /// sentence about the value: "--opt: REASON" when the option's parser
    /// gave one (``Whole``), "--opt: 'V' is not one of a, b, c" for a fixed
    /// set of choices. Any other message is kept as it is.
    static func badValue(_ message: String, listed: [String] = []) -> String {
        let head = "The value '", middle = "' is invalid for '"
        guard message.hasPrefix(head), let split = message.range(of: middle, options: .backwards) else { return message }
        let value = String(message[message.index(message.startIndex, offsetBy: head.count)..<split.lowerBound])
        let afterName = message[split.upperBound...]
        guard let close = afterName.firstIndex(of: "'") else { return message }
        let name = afterName[..<close].split(separator: " ").first.map(String.init) ?? ""
        let rest = afterName[afterName.index(after: close)...]
        let choices = ". Please provide one of "
        if rest.hasPrefix(": ") { return "\(name): \(rest.dropFirst(2))" }
        if rest.hasPrefix(choices) {
            let list = listed.isEmpty
                ? rest.dropFirst(choices.count).trimmingCharacters(in: CharacterSet(charactersIn: "."))
                    .replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " or ", with: ", ")
                    .replacingOccurrences(of: "'", with: "")
                : listed.joined(separator: ", ")
            return "\(name): '\(value)' is not one of \(list)"
        }
        return message
    }

    /// A word in a command group's place that names none of its subcommands.
    /// An option's value is not such a word: the options that take one are
    /// known from the command tree (``valueOptions``), so `review --format
    /// xml` is about the value, not a command 'review xml'.
    static func unknownSubcommand(in arguments: [String]) -> (group: ParsableCommand.Type, path: [String], word: String)? {
        var command: ParsableCommand.Type = ClerkTeam.self
        var path: [String] = []
        var index = 0
        let takesValue = valueOptions()
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { return nil }
            if word.hasPrefix("-") {
                let known = (takesValue[""] ?? []).union(takesValue[path.joined(separator: " ")] ?? [])
                index += known.contains(word) ? 2 : 1
                continue
            }
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { return nil }
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                return word == "help" ? nil : (command, path, word)
            }
            command = next
            path.append(word)
            index += 1
        }
        return nil
    }

    /// The options that take a value, by command path ("" is the root, "audit"
    /// a group), from argument-parser's own description of the commands. A
    /// group also takes its default subcommand's (`audit --limit 5` is `audit show --limit 5`).
    static func valueOptions() -> [String: Set<String>] {
        guard let root = try? JSONDecoder().decode(ManualPage.Dump.self, from: Data(ManualPage.dumpedHelp().utf8)).command else {
            return [:]
        }
        var table: [String: Set<String>] = [:]
        func own(_ command: ManualPage.Command) -> Set<String> {
            var names = Set((command.arguments ?? []).filter { $0.kind == "option" }.flatMap { ($0.names ?? []).map(\.flag) })
            if let name = command.defaultSubcommand, let fallback = command.subcommands?.first(where: { $0.commandName == name }) {
                names.formUnion(own(fallback))
            }
            return names
        }
        func walk(_ command: ManualPage.Command, _ path: [String]) {
            table[path.joined(separator: " ")] = own(command)
            for sub in command.subcommands ?? [] { walk(sub, path + [sub.commandName]) }
        }
        walk(root, [])
        return table
    }

    /// A synonym, else the visible subcommand within two edits (typos, `memebrs`).
    static func suggestion(for word: String, among commands: [ParsableCommand.Type]) -> ParsableCommand.Type? {
        let visible = commands.filter { $0.configuration.shouldDisplay }
        let lowered = word.lowercased()
        if let synonym = synonyms[lowered], let found = visible.first(where: { $0._commandName == synonym }) {
            return found
        }
        let scored = visible.map { ($0, distance(lowered, $0._commandName)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(2, word.count / 3)) else { return nil }
        return best.0
    }

    /// Levenshtein distance, for short command names.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    static func sanitized(_ text: String) -> String { TerminalText.sanitize(text) }
}
