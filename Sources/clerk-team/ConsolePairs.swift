import Foundation
import TermText

extension Console {
    /// `label  value` lines with the values aligned; every value sanitised.
    static func pairs(_ pairs: [(String, String)]) {
        let width = pairs.map { TerminalText.width(of: TerminalText.sanitize($0.0)) }.max() ?? 0
        for (label, value) in pairs {
            line(TerminalText.pad(TerminalText.sanitize(label), toWidth: width) + "  " + value)
        }
    }
}
