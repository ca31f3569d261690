import TermText

/// The header's parts, fitted to the width by what matters most: when the
/// whole line does not fit, parts first take their short forms and then the
/// least useful go, so "3 more here" (and a read-only warning) survive at
/// 80 columns instead of being cut off at the end.
struct HeaderLine {
    struct Part {
        var text: String
        /// A shorter form tried before the part is dropped.
        var short: String?
        /// Higher is kept longer; a part with `Int.max` is never dropped.
        var keep: Int
    }

    var parts: [Part] = []

    mutating func add(_ text: String, short: String? = nil, keep: Int) {
        parts.append(Part(text: text, short: short, keep: keep))
    }

    /// The line for `width` cells, parts joined by `separator`; cut with
    /// `ellipsis` only when even the parts that are never dropped do not fit.
    func fitted(width: Int, separator: String, ellipsis: String) -> String {
        var current = parts
        func fits() -> Bool { TerminalText.width(of: line(current, separator)) <= width }
        for index in current.indices.sorted(by: { current[$0].keep < current[$1].keep }) where !fits() {
            if let short = current[index].short { current[index].text = short }
        }
        while !fits(), let least = current.indices.filter({ current[$0].keep < Int.max })
                                      .min(by: { current[$0].keep < current[$1].keep }) {
            current.remove(at: least)
        }
        return TerminalText.truncate(line(current, separator), toWidth: width, ellipsis: ellipsis)
    }

    private func line(_ parts: [Part], _ separator: String) -> String {
        " " + parts.map(\.text).joined(separator: separator)
    }
}
