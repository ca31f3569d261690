import Foundation
import JSONText
import TermText
import TermUI

/// What the terminal-facing writers make of hostile text, checked against
/// a list of its own (not TermText's), so a scalar dropped from TermText's
/// list is caught here.
struct Checks {
    /// Escape injections: a forbidden scalar in sanitised text, in a JSON
    /// string, in a drawn cell, or in a value a validator accepted.
    var leaks = 0
    /// JSON strings that do not read back as the text written.
    var jsonMismatches = 0
    /// Width disagreements: a grapheme's width against its cells, a drawn
    /// line against the measured width, a padded cell against its width.
    var widthMismatches = 0
    /// Texts checked.
    var texts = 0
    var examples: [String] = []
    private var seen: Set<String> = []

    /// C0 controls, DEL, C1 controls, bidi marks, embeddings, overrides and
    /// isolates, and the Unicode line and paragraph separators.
    static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func hasForbidden(_ text: String) -> Bool { text.unicodeScalars.contains(where: forbidden) }

    /// Keeps the first example of each kind of failure and piece of text (a run often repeats one).
    mutating func note(_ kind: String, _ context: String, _ text: String) {
        let shown = text.unicodeScalars.prefix(120).map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined()
        guard examples.count < 20, seen.insert(kind + shown).inserted else { return }
        examples.append("\(kind) [\(context)]: \(shown)")
    }

    /// A value a validator accepted (a name, an email, a phone number) must hold nothing a terminal acts on.
    mutating func accepted(_ value: String, _ context: String) {
        if Self.hasForbidden(value) { leaks += 1; note("accepted value holds a control", context, value) }
    }

    /// Text about to be shown: sanitised, as JSON, drawn into a grid.
    mutating func shown(_ text: String, _ context: String, random: inout SplitMix64, full: Bool = true) {
        texts += 1
        let safe = TerminalText.sanitize(text)
        if Self.hasForbidden(safe) { leaks += 1; note("sanitised text leaks", context, text) }
        let json = JSONText.quote(text)
        if Self.hasForbidden(json) { leaks += 1; note("JSON string leaks", context, text) }
        if full && text.unicodeScalars.count <= 100_000 {
            let back = (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)) as? String
            if back.map({ Array($0.unicodeScalars) }) != Array(text.unicodeScalars) {
                jsonMismatches += 1; note("JSON does not read back", context, text)
            }
        }
        guard full else { return }
        width(safe, context, random: &random)
    }

    /// Measured width against what is drawn, for the first few thousand graphemes.
    mutating func width(_ safe: String, _ context: String, random: inout SplitMix64) {
        let sample = String(safe.prefix(3_000))
        var sum = 0
        for character in sample {
            let cells = TerminalText.width(of: character)
            let units = TerminalText.cellUnits(of: character)
            sum += cells
            if units.reduce(0, { $0 + $1.width }) != cells {
                widthMismatches += 1; note("grapheme width is not its cells", context, String(character)); return
            }
            if cells > 0 && units.map(\.text).joined() != TerminalText.displayForm(of: character) {
                widthMismatches += 1; note("cells drop part of a grapheme", context, String(character)); return
            }
        }
        let measured = TerminalText.width(of: sample)
        if measured != sum { widthMismatches += 1; note("text width is not the sum of its graphemes", context, sample); return }
        if drawn(sample, columns: measured + 1) != measured {
            widthMismatches += 1
            // The smallest piece that disagrees: one grapheme, or two side by side.
            let graphemes = Array(sample)
            let piece = graphemes.indices.lazy.map { String(graphemes[$0]) }.first { drawn($0, columns: 99) != TerminalText.width(of: $0) }
                ?? graphemes.indices.dropLast().lazy.map { String(graphemes[$0...$0 + 1]) }
                    .first { drawn($0, columns: 99) != TerminalText.width(of: $0) } ?? sample
            note("drawn cells differ from the measured width", context, piece); return
        }
        let column = 1 + Int(random.next() % 60)
        let padded = TerminalText.pad(sample, toWidth: column)
        if drawn(padded, columns: column + 8) != column {
            widthMismatches += 1; note("padded cell is not \(column) cells wide", context, sample); return
        }
        let cut = TerminalText.truncate(sample, toWidth: column)
        if drawn(cut, columns: column + 8) > column {
            widthMismatches += 1; note("truncated text is wider than \(column)", context, sample); return
        }
        let short = TerminalText.shortenMiddle(sample, toWidth: column)
        if drawn(short, columns: column + 8) > column {
            widthMismatches += 1; note("shortened text is wider than \(column)", context, sample); return
        }
        // Only a line of one grapheme wider than the room (a conjunct of three cells in two) may overflow.
        if let line = TerminalText.wrap(sample, toWidth: column).first(where: { drawn($0, columns: 4 * column + 8) > column && $0.count > 1 }) {
            widthMismatches += 1; note("wrapped line is wider than \(column)", context, line)
        }
    }

    /// Cells a grid fills drawing `text` from the left (the screens' own drawing), checking what lands in them.
    mutating func drawn(_ text: String, columns: Int) -> Int {
        var grid = Grid(size: Size(cols: columns, rows: 1))
        let used = grid.put(text, x: 0, y: 0)
        var cells = 0
        for x in 0..<used where !grid[x, 0].isContinuation {
            let cell = grid[x, 0]
            cells += Int(cell.width)
            if Self.hasForbidden(cell.text) { leaks += 1; note("drawn cell leaks", "grid", cell.text) }
        }
        return cells == used ? used : -1
    }
}
