import Foundation
import TermText
#if canImport(Glibc)
import Glibc
#endif

/// All terminal output of the CLI. Untrusted text is sanitised here so no
/// name or email can carry escape sequences to the operator's terminal.
enum Console {
    /// Written straight to the file descriptor like `raw` and `table`: with
    /// `print`'s buffer in between, a line printed before a table came out
    /// after it whenever stdout was a pipe.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((TerminalText.sanitize(text) + "\n").utf8))
    }

    /// One message on stderr; each of its lines sanitised on its own.
    static func error(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitize(String($0)) }
        FileHandle.standardError.write(Data(("clerk-team: " + lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Writes already-safe text (JSON from ``JSONText``, which escapes every unsafe scalar).
    static func raw(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// The widest a table cell is shown: room for any valid name (100
    /// characters, up to 200 cells) and email (254); a longer value, only
    /// possible in a file edited by hand, is cut rather than padding every row.
    static let maxCellWidth = 256

    /// Aligned columns; every cell sanitised; widths measured in terminal cells.
    static func table(_ header: [String], _ rows: [[String]]) {
        // Emoji sequences are reduced as in the interface, so columns line up (JSON keeps them whole).
        let safeRows = rows.map {
            $0.map { TerminalText.truncate(TerminalText.displayText(TerminalText.sanitize($0)), toWidth: maxCellWidth) }
        }
        var widths = header.map(TerminalText.width(of:))
        for row in safeRows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.width(of: cell))
            }
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : TerminalText.pad(cell, toWidth: widths[index])
            }.joined(separator: "  ")
        }
        var out = render(header) + "\n"
        for row in safeRows { out += render(row) + "\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
