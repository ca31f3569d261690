/// Terminal cell widths, owned here once for the whole program.
///
/// libc's `wcwidth`, terminals and Unicode versions disagree about emoji
/// sequences, so the UI never sends a multi-scalar emoji sequence to the
/// terminal: ``displayForm(of:)`` reduces a grapheme to a form whose width
/// everyone agrees on, and ``width(of:)`` measures that form.
///
/// Other clusters are kept whole: a Devanagari conjunct, Hangul jamo, a
/// half-width kana with its voiced mark or a Tamil vowel sign hold several
/// spacing characters, and a terminal gives each its own cells (wcwidth,
/// summed). ``cellUnits(of:)`` splits a cluster the same way: one spacing
/// character with the zero-width ones after it per cell, so nothing of the
/// cluster is dropped and the width is the one the terminal will use.
extension TerminalText {
    /// Cells `text` occupies once drawn (after ``displayForm(of:)`` of each grapheme).
    public static func width(of text: String) -> Int {
        // Printable ASCII is one grapheme and one cell per byte (CR LF, the
        // only ASCII pair that forms one grapheme, is not printable).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + width(of: $1) }
    }

    /// 0, 1 or 2 cells for one grapheme as drawn.
    public static func width(of character: Character) -> Int {
        if let value = singleScalar(character), let cells = knownWidth(value) { return cells }
        return measuredWidth(of: character)
    }

    /// The general rule behind ``width(of:)-(Character)``, without the table of known scalars.
    static func measuredWidth(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        // A flag is drawn as its letters (displayForm): two cells for a pair, one for a
        // lone indicator, whatever marks follow it in the cluster.
        if isRegionalIndicator(first) { return displayForm(of: character).unicodeScalars.count }
        if isEmojiSequence(character) {
            if isZeroWidth(first) { return 0 }
            // A text-style emoji made emoji-style by VS16 is drawn as its base alone: 1 cell.
            return isWide(first) ? 2 : 1
        }
        // Every spacing character of the cluster gets its cells, as in the terminal.
        return character.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
    }

    /// 0, 1 or 2 cells for one scalar, as glibc's `wcwidth` has it (spacing marks 1).
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        if isZeroWidth(scalar) { return 0 }
        return isWide(scalar) ? 2 : 1
    }

    /// Emoji sequences are reduced to their first emoji when drawn.
    static func isEmojiSequence(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        return first.properties.isEmoji && (isWide(first) || scalars.contains("\u{FE0F}") || scalars.contains("\u{200D}"))
    }

    /// The grapheme reduced to what is drawn: ZWJ sequences and skin-tone
    /// modifiers keep only their first emoji; a flag becomes its two letters
    /// (`JP`: terminals draw flags at one, two or four cells, or as `??`);
    /// any other cluster is drawn whole (see ``cellUnits(of:)``).
    public static func displayForm(of character: Character) -> String {
        if singleScalar(character) != nil {
            if let first = character.unicodeScalars.first, isRegionalIndicator(first) { return letter(first) }
            return String(character)
        }
        let scalars = Array(character.unicodeScalars)
        guard scalars.count > 1, let first = scalars.first else { return String(character) }
        if isRegionalIndicator(first) { return scalars.prefix(2).filter(isRegionalIndicator).map(letter).joined() }
        if isEmojiSequence(character) { return String(first) }
        return String(character)
    }

    /// `text` with every grapheme in its display form: what a column of a
    /// text table can hold without the terminal and us disagreeing on widths.
    public static func displayText(_ text: String) -> String {
        text.map { displayForm(of: $0) }.joined()
    }

    /// `text` cut to at most `width` cells; a cut text ends with `ellipsis`.
    /// A wide character never straddles the edge.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if self.width(of: text) <= width { return text }
        let room = width - self.width(of: ellipsis)
        guard room >= 0 else { return String(repeating: ".", count: width) }
        var out = "", used = 0
        for character in text {
            let cells = self.width(of: character)
            if used + cells > room { break }
            out.append(character)
            used += cells
        }
        return out + ellipsis + String(repeating: " ", count: max(0, room - used))
    }

    /// `text` truncated or padded with spaces to exactly `width` cells.
    public static func pad(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        let cut = truncate(text, toWidth: width, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, width - self.width(of: cut)))
    }

    /// The scalar value of a grapheme made of exactly one scalar, read from its UTF-8 (no allocation).
    static func singleScalar(_ character: Character) -> UInt32? {
        let utf8 = character.utf8
        var bytes = utf8.makeIterator()
        guard let lead = bytes.next() else { return nil }
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard utf8.count == length else { return nil }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        while let next = bytes.next() { value = value << 6 | UInt32(next & 0x3F) }
        return value
    }

    /// Widths of the scalars the screens draw most (Latin text, box drawing,
    /// the ellipsis), without looking up Unicode properties. Exactly what
    /// ``measuredWidth(of:)`` says for them (a test checks every one); nil
    /// for anything else.
    static func knownWidth(_ value: UInt32) -> Int? {
        switch value {
        case 0xAD: return nil                      // soft hyphen: default-ignorable, zero width
        case 0x00..<0x300: return 1                // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
        case 0x2010...0x2027, 0x2500...0x257F, 0x2713: return 1  // dashes, quotes, ellipsis; box drawing; check mark
        default: return nil
        }
    }

    /// The capital letter a regional indicator stands for (U+1F1EF is J).
    static func letter(_ indicator: Unicode.Scalar) -> String {
        Unicode.Scalar(0x41 + indicator.value - 0x1F1E6).map { String(Character($0)) } ?? "?"
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        if isCombining(scalar) { return scalar.properties.generalCategory != .spacingMark }
        switch scalar.value {
        case 0x200B...0x200D, 0x2060...0x2064, 0xFE00...0xFE0F, 0xE0000...0xE0FFF: return true
        // Hangul medial vowels and final consonants join the initial's two cells.
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true
        default: return scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// East Asian Wide and Fullwidth, and emoji with emoji presentation.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1100 { return false }
        if scalar.properties.isEmojiPresentation { return true }
        switch value {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// What one terminal cell holds: one spacing character (1 or 2 cells wide)
/// and the zero-width characters drawn with it.
public struct CellUnit: Sendable, Equatable {
    public let text: String
    public let width: Int
}

extension TerminalText {
    /// The grapheme as drawn, cell by cell: each spacing character with the
    /// zero-width ones after it (zero-width ones before the first spacing
    /// character go with it). Empty for a grapheme of zero width. The widths
    /// add up to ``width(of:)-(Character)``.
    public static func cellUnits(of character: Character) -> [CellUnit] {
        let form = displayForm(of: character)
        if let single = form.unicodeScalars.first, form.unicodeScalars.count == 1 {
            let cells = width(of: character)
            return cells == 0 ? [] : [CellUnit(text: String(single), width: cells)]
        }
        if isEmojiSequence(character) || isRegionalIndicator(character.unicodeScalars.first ?? " ") {
            let cells = width(of: character)
            return cells == 0 ? [] : [CellUnit(text: form, width: cells)]
        }
        var units: [CellUnit] = []
        var text = String.UnicodeScalarView(), cells = 0
        for scalar in form.unicodeScalars {
            let size = scalarWidth(scalar)
            if size > 0 && cells > 0 {
                units.append(CellUnit(text: String(text), width: cells))
                text = String.UnicodeScalarView()
                cells = 0
            }
            text.append(scalar)
            cells += size
        }
        if cells > 0 { units.append(CellUnit(text: String(text), width: cells)) }
        return units
    }
}
