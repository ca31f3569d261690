import Foundation

/// What a one-cell character looks like on a terminal that cannot show
/// anything but ASCII: its base letter when it is a letter with marks
/// (canonical decomposition: Ó is O and a combining acute), or one of the
/// few Latin letters that have no decomposition but an obvious reading.
/// Nil when there is none (the cell then shows '?').
enum ASCIIFallback {
    static func letter(_ text: String) -> String? {
        guard let first = text.unicodeScalars.first else { return nil }
        if first.isASCII { return String(Character(first)) }
        if let plain = unmarked[first] { return String(plain) }
        guard let base = String(first).decomposedStringWithCanonicalMapping.unicodeScalars.first,
              base.isASCII, base.properties.isAlphabetic else { return nil }
        return String(Character(base))
    }

    /// Latin letters with a stroke or without a dot: no decomposition to lean on.
    private static let unmarked: [Unicode.Scalar: Character] = [
        "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
    ]
}
