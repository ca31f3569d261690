/// Seeded hostile inputs: every run is reproducible from (seed, run) alone,
/// so a crash found in a batch can be run again by itself.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64, run: Int) {
        // Each run's stream starts from a mixed (seed, run), so neighbouring runs share no sequence.
        state = seed
        state = next() ^ UInt64(truncatingIfNeeded: run)
        state = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Pieces of text that have broken terminals, parsers and width tables
/// before: escape sequences, C0/C1 controls, bidi overrides, combining
/// marks, emoji sequences, flags, wide and complex scripts.
enum Hostile {
    static let fragments: [String] = [
        "\u{1B}[2J", "\u{1B}[31m", "\u{1B}]0;owned\u{07}", "\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "\u{1B}P1$r\u{1B}\\",
        "\u{9B}31m", "\u{9D}0;x\u{9C}", "\u{85}", "\u{90}", "\u{0}", "\u{7F}", "\u{8}\u{8}\u{8}", "\r", "\n", "\r\n", "\t", "\u{0B}", "\u{0C}",
        "\u{202E}", "\u{202D}", "\u{202A}", "\u{2066}", "\u{2067}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}",
        "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{200B}", "\u{200D}", "\u{00AD}", "\u{FE0F}", "\u{E0041}",
        "\u{0301}", "\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}", "Z\u{0335}\u{0321}\u{0358}a\u{0337}\u{0334}", "\u{20DD}",
        "👨‍👩‍👧‍👦", "👍🏽", "🏳️‍🌈", "❤️", "🇯🇵", "🇺", "🇺🇸🇬", "🤷‍♀️", "1️⃣", "😀",
        "漢字", "東京都", "ｶﾞｷﾞ", "ﾊﾟ", "한국어", "\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1161}", "\u{AC00}\u{11A8}",
        "नमस्ते क्षत्रिय", "क्ष", "\u{0915}\u{094D}\u{0937}\u{093F}", "தமிழ்", "கொ", "ไทย", "مرحبا", "שלום", "Ελληνικά", "Кирилица",
        "\u{FFFD}", "\u{FFFF}", "\u{10FFFF}", "\u{E000}", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ℌ", "ß", "İ", "ﬃ",
        "@", "@@", "+", "+1", "+14155550100", "+1 (415) 555-0100", "00", "tel:", "mailto:", "xn--", "xn--mnchen-3ya", "münchen.de",
        ",", ";", "\"", "\"\"", "'", "\\", "/", ":", "#", "-", "--", "- ", "{", "}", "[", "]", "[[", "{{", "&a", "*a", "!!str", "? ", "|", ">", "%YAML 1.1", "---", "...",
        "null", "true", "~", "0x", "1e999", "-0", "9999999999999999999999", "NaN",
        "email", "role", "inbox", "phone", "name", "actor:", "since:", "until:", "since:2026-11-30", "until:9999-12-31", "2026-02-31",
        " ", "  ", "a", "b", "z", "0", "9", "admin", "workspace-admin", "manager", "agent", "member", "in", "out",
    ]

    static func fragment<R: RandomNumberGenerator>(_ random: inout R) -> String {
        fragments[Int(random.next() % UInt64(fragments.count))]
    }

    /// Any scalar at all (no surrogates: Swift strings cannot hold them).
    static func scalar<R: RandomNumberGenerator>(_ random: inout R) -> Character {
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x590...0x6FF, 0x900...0x9FF, 0x1100...0x11FF,
                                             0x2000...0x206F, 0x3000...0x9FFF, 0xAC00...0xD7A3, 0xFE00...0xFFFF, 0x1F000...0x1FAFF,
                                             0xE0000...0xE007F, 0x0...0x10FFFF]
        let range = ranges[Int(random.next() % UInt64(ranges.count))]
        for _ in 0..<8 {
            let value = range.lowerBound + UInt32(random.next() % UInt64(range.upperBound - range.lowerBound + 1))
            if let scalar = Unicode.Scalar(value) { return Character(scalar) }
        }
        return "?"
    }

    /// A hostile string of roughly `length` pieces.
    static func text<R: RandomNumberGenerator>(_ random: inout R, length: Int) -> String {
        var out = ""
        for _ in 0..<length {
            if random.next() % 3 == 0 { out.append(scalar(&random)) } else { out += fragment(&random) }
        }
        return out
    }

    /// `base` changed in a few random places: pieces inserted, cut, doubled.
    static func mutate<R: RandomNumberGenerator>(_ base: String, _ random: inout R) -> String {
        var scalars = Array(base.unicodeScalars)
        let edits = 1 + Int(random.next() % 6)
        for _ in 0..<edits {
            let at = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
            switch random.next() % 4 {
            case 0, 1: scalars.insert(contentsOf: fragment(&random).unicodeScalars, at: at)
            case 2:
                let length = min(scalars.count - at, Int(random.next() % 8))
                scalars.removeSubrange(at..<at + length)
            default:
                let length = min(scalars.count - at, Int(random.next() % 16))
                scalars.insert(contentsOf: scalars[at..<at + length], at: at)
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// Bytes that are often not UTF-8: `text`'s bytes with some flipped,
    /// lone continuation bytes, overlong forms and encoded surrogates.
    static func bytes<R: RandomNumberGenerator>(_ text: String, _ random: inout R) -> [UInt8] {
        var bytes = Array(text.utf8)
        let bad: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                              [0xFE], [0xFF], [0xE2, 0x80], [0xF0, 0x9F], [0xEF, 0xBB, 0xBF], [0x00], [0x1B]]
        for _ in 0..<(1 + Int(random.next() % 4)) {
            let at = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
            if random.next() % 2 == 0 || bytes.isEmpty {
                bytes.insert(contentsOf: bad[Int(random.next() % UInt64(bad.count))], at: at)
            } else {
                bytes[min(at, bytes.count - 1)] ^= UInt8(truncatingIfNeeded: random.next() | 0x80)
            }
        }
        return bytes
    }

    /// Something huge: a long run of one piece (a 1 MB name, a 100k-deep nesting).
    static func huge<R: RandomNumberGenerator>(_ random: inout R) -> String {
        let piece = random.next() % 4 == 0 ? ["[", "{", "- ", "\"", "\u{0301}", "a,"][Int(random.next() % 6)] : fragment(&random)
        let count = 10_000 + Int(random.next() % 200_000)
        return String(repeating: piece, count: count)
    }
}
