/// Reads a name the way it looks, so that two names an operator cannot tell
/// apart are the same name (one group, one property) and a name that shows
/// nothing is empty.
///
/// Per class of character, the choice and why:
/// - **Whitespace** (Unicode White_Space other than line breaks: NBSP,
///   ideographic, en/em and thin spaces, tab…) and the braille blank U+2800
///   (not White_Space, but a terminal draws it as a blank cell): read as a
///   plain space, silently, and the ends are trimmed. A run stays a run,
///   as before (two spaces are two cells, which can be seen; a roster file
///   with such a name reads back the same). Refusing would only make people
///   hunt for a character they cannot see.
/// - **Default-ignorable code points** (zero-width space, word joiner, soft
///   hyphen, BOM, tag characters, Hangul fillers, variation selectors…):
///   removed, silently, for the same reason: they draw nothing.
///   Kept where they change how a word is written: a zero-width non-joiner
///   or joiner between two letters outside ASCII (Persian, Indic scripts).
///   Kept where they make an emoji what it is: a zero-width joiner
///   between two emoji (👨‍👩‍👧), VS15/VS16 after an emoji (❤️), the tags of
///   the three subdivision flags (England, Scotland, Wales). Elsewhere the
///   other variation selectors go too (a CJK ideographic variant looks the
///   same in a terminal, which is the point here).
/// - **Bidirectional controls** (U+061C, U+200E/F, U+202A–E, U+2066–9) are
///   default-ignorable too, but are left in so that ``DisplayName`` refuses
///   them as it always has ("control character U+202E"): they can make a
///   name read as something else, which deserves a word, not a silent fix.
/// - **Line breaks and other controls** are left in and refused the same way.
enum NameCharacters {
    /// `text` as stored: NFC, spaces read as above, ignorable characters
    /// removed, trimmed. Never throws: refusals are ``DisplayName``'s.
    static func normalise(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var spaces = 0   // held back until something visible follows: the ends are trimmed
        let composed = text.precomposedStringWithCanonicalMapping
        let kept = joinersBetweenLetters(Array(composed.unicodeScalars))
        var offset = 0
        for character in composed {
            let scalars = Array(character.unicodeScalars)
            let emoji = isEmoji(scalars)
            for (index, scalar) in scalars.enumerated() {
                defer { offset += 1 }
                if readsAsSpace(scalar) {
                    spaces += out.isEmpty ? 0 : 1
                } else if kept.contains(offset) {
                    // Between two letters of a script that uses them (Persian می‌خواهم,
                    // Indic conjuncts) they change how the word is written: kept.
                    out.append(scalar)
                } else if !isRemoved(scalar, at: index, of: scalars, emoji: emoji) {
                    out.append(contentsOf: repeatElement(" ", count: spaces))
                    spaces = 0
                    out.append(scalar)
                }
            }
        }
        // Removing a character between a letter and its accent can make a pair NFC composes.
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// The key names are compared by: the normalised name, ignoring case.
    static func key(_ text: String) -> String { normalise(text).lowercased() }

    static func readsAsSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0x2800 { return true }
        guard scalar.properties.isWhitespace else { return false }
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return false   // line breaks: refused as controls
        default: return true
        }
    }

    private static func isRemoved(_ scalar: Unicode.Scalar, at index: Int, of cluster: [Unicode.Scalar],
                                  emoji: Bool) -> Bool {
        let properties = scalar.properties
        guard properties.isDefaultIgnorableCodePoint, !properties.isBidiControl else { return false }
        guard emoji else { return true }
        switch scalar.value {
        case 0x200D: return index == cluster.count - 1       // a joiner that joins nothing
        case 0xFE0E, 0xFE0F: return false                    // text or emoji presentation
        case 0xE0020...0xE007F: return !isSubdivisionFlag(cluster)
        default: return true
        }
    }

    /// Offsets of the non-joiners and joiners that sit between a letter (or
    /// its mark, as a virama) and a letter, outside ASCII.
    private static func joinersBetweenLetters(_ scalars: [Unicode.Scalar]) -> Set<Int> {
        var kept: Set<Int> = []
        for (offset, scalar) in scalars.enumerated() where scalar.value == 0x200C || scalar.value == 0x200D {
            guard offset > 0, offset + 1 < scalars.count else { continue }
            if isLetterOrMark(scalars[offset - 1]) && isLetter(scalars[offset + 1]) { kept.insert(offset) }
        }
        return kept
    }

    /// A letter outside ASCII (where joiners and non-joiners have a meaning).
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && scalar.properties.isAlphabetic && !scalar.properties.isDefaultIgnorableCodePoint
    }

    private static func isLetterOrMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark: !scalar.isASCII
        default: isLetter(scalar)
        }
    }

    /// A cluster that starts with an emoji (ASCII digits, `#` and `*` count
    /// only as keycaps, which end in U+20E3).
    private static func isEmoji(_ cluster: [Unicode.Scalar]) -> Bool {
        guard let first = cluster.first, first.properties.isEmoji else { return false }
        return !first.isASCII || cluster.contains("\u{20E3}")
    }

    private static let subdivisionFlags: Set<String> = ["gbeng", "gbsct", "gbwls"]

    /// 🏴 + tag letters + cancel tag: the flags of England, Scotland and Wales
    /// (the only ones Unicode recommends), so tags cannot carry hidden text.
    private static func isSubdivisionFlag(_ cluster: [Unicode.Scalar]) -> Bool {
        guard cluster.count > 2, cluster.first == "\u{1F3F4}", cluster.last == "\u{E007F}" else { return false }
        let tags = cluster.dropFirst().dropLast().map { scalar -> Character in
            Unicode.Scalar(scalar.value &- 0xE0000).map(Character.init) ?? "?"
        }
        return subdivisionFlags.contains(String(tags))
    }
}
