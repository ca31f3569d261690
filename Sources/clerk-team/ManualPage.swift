import ArgumentParser
import Foundation
import TeamTUI

/// `clerk-team(1)`, written from the command definitions themselves (through
/// argument-parser's help dump) and the interface's key table, so the page
/// lists exactly the commands, options and keys this binary has.
enum ManualPage {
    /// The parts of argument-parser's `--experimental-dump-help` JSON the page uses.
    struct Dump: Decodable { let command: Command }
    struct Command: Decodable {
        let commandName: String
        let abstract: String?
        let discussion: String?
        let shouldDisplay: Bool?
        let defaultSubcommand: String?
        let arguments: [Argument]?
        let subcommands: [Command]?
    }
    struct Argument: Decodable {
        let kind: String
        let names: [Name]?
        let preferredName: Name?
        let valueName: String?
        let abstract: String?
        let isOptional: Bool
        let isRepeating: Bool
        let shouldDisplay: Bool
    }
    struct Name: Decodable, Hashable {
        let kind: String
        let name: String
        var flag: String { (kind == "short" ? "-" : "--") + name }
    }

    static func render() throws -> String {
        let root = try JSONDecoder().decode(Dump.self, from: Data(dumpedHelp().utf8)).command
        let global = Set((root.arguments ?? []).compactMap(\.preferredName))
        var out = header(root)
        out += ".SH GLOBAL OPTIONS\nThese go before or after the command.\n"
        for argument in shown(root.arguments ?? [], hiding: []) { out += item(argument) }
        out += ".SH COMMANDS\n"
        for command in (root.subcommands ?? []) where command.shouldDisplay != false {
            out += section(command, path: [], parentDefault: nil, hiding: global)
        }
        out += ManualText.tail
        out += ".SH KEYS\nThe keys of the full-screen interface, by where they apply "
            + "(also \\fBclerk\\-team keys\\fR; \\fB?\\fR inside the interface shows those your role can use).\n"
        out += KeyReference.roff()
        out += ManualText.seeAlso
        return out
    }

    /// argument-parser's own description of every command and argument.
    static func dumpedHelp() -> String {
        do {
            _ = try ClerkTeam.parseAsRoot(["--experimental-dump-help"])
            return ""
        } catch {
            return ClerkTeam.fullMessage(for: error)
        }
    }

    static func header(_ root: Command) -> String {
        ".TH CLERK\\-TEAM 1 \"\" \"clerk-team \(ClerkVersion.current)\" \"User Commands\"\n"
            + ".SH NAME\nclerk\\-team \\- \(escaped(root.abstract ?? ""))\n"
            + ".SH SYNOPSIS\n.B clerk\\-team\n[\\fIglobal options\\fR]\n.br\n"
            + ".B clerk\\-team\n[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]\n"
            + ".SH DESCRIPTION\n" + paragraphs(ManualText.description)
    }

    static func section(_ command: Command, path: [String], parentDefault: String?, hiding global: Set<Name>) -> String {
        let words = path + [command.commandName]
        let arguments = shown(command.arguments ?? [], hiding: global)
        var out = ".SS \"\(escaped(words.joined(separator: " ")))\"\n"
        if command.subcommands?.isEmpty ?? true {
            out += ".B clerk\\-team \(escaped(words.joined(separator: " ")))\n"
            let usage = choices(arguments.map { ($0, synopsis($0)) }).joined(separator: " ")
            if !usage.isEmpty { out += usage + "\n" }
            out += ".PP\n"
        }
        if let abstract = command.abstract, !abstract.isEmpty {
            out += escaped(abstract) + (parentDefault == command.commandName ? " (the default)" : "") + "\n"
        }
        if let discussion = command.discussion, !discussion.isEmpty { out += ".PP\n" + paragraphs(discussion) }
        for argument in arguments { out += item(argument) }
        for sub in command.subcommands ?? [] where sub.shouldDisplay != false {
            out += section(sub, path: words, parentDefault: command.defaultSubcommand, hiding: global)
        }
        return out
    }

    /// Without help and version, and without the global options every command repeats.
    static func shown(_ arguments: [Argument], hiding global: Set<Name>) -> [Argument] {
        arguments.filter { argument in
            guard argument.shouldDisplay, let names = argument.names ?? argument.preferredName.map({ [$0] }) ?? nil else {
                return argument.shouldDisplay && argument.kind == "positional"
            }
            return !names.contains { $0.name == "help" || $0.name == "version" } && argument.preferredName.map { !global.contains($0) } ?? true
        }
    }

    /// Required flags side by side are one exclusive choice (`(--public | --private)`): the dump
    /// lists them as separate arguments, and "--public --private" would read as "give both".
    static func choices(_ parts: [(Argument, String)]) -> [String] {
        var out: [String] = []
        var group: [String] = []
        func flush() {
            if group.count > 1 { out.append("(" + group.joined(separator: " | ") + ")") } else { out += group }
            group = []
        }
        for (argument, text) in parts {
            if argument.kind == "flag" && !argument.isOptional {
                group.append(text)
            } else {
                flush()
                out.append(text)
            }
        }
        flush()
        return out
    }

    static func synopsis(_ argument: Argument) -> String {
        var text: String
        switch argument.kind {
        case "positional": text = "\\fI\(escaped(argument.valueName ?? "value"))\\fR"
        case "option": text = "\\fB\(escaped(argument.preferredName?.flag ?? ""))\\fR \\fI\(escaped(argument.valueName ?? "value"))\\fR"
        default:
            let names = (argument.names ?? []).filter { $0.kind != "short" }.map { "\\fB\(escaped($0.flag))\\fR" }
            // Several names of one required flag are a choice: (--public | --private).
            text = names.count > 1 && !argument.isOptional ? "(" + names.joined(separator: " | ") + ")" : names.joined(separator: " | ")
        }
        if argument.isRepeating { text += " ..." }
        return argument.isOptional ? "[" + text + "]" : text
    }

    static func item(_ argument: Argument) -> String {
        let label: String
        switch argument.kind {
        case "positional": label = "\\fI\(escaped(argument.valueName ?? "value"))\\fR"
        case "option": label = (argument.names ?? []).map { "\\fB\(escaped($0.flag))\\fR" }.joined(separator: ", ")
            + " \\fI\(escaped(argument.valueName ?? "value"))\\fR"
        default: label = (argument.names ?? []).map { "\\fB\(escaped($0.flag))\\fR" }.joined(separator: ", ")
        }
        return ".TP\n\(label)\n\(escaped(argument.abstract ?? ""))\n"
    }

    /// Blank-line separated paragraphs; every line escaped.
    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { paragraph in
            paragraph.split(separator: "\n").map { escaped(String($0)) }.joined(separator: "\n")
        }.joined(separator: "\n.PP\n") + "\n"
    }

    /// Roff escapes: backslashes, hyphens (so they copy as ASCII), a leading dot or quote.
    static func escaped(_ text: String) -> String {
        let body = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        return body.hasPrefix(".") || body.hasPrefix("'") ? "\\&" + body : body
    }
}
