/// Makes untrusted text (names, emails, file contents) inert before it
/// reaches a terminal.
///
/// Control characters would let a hostile name move the cursor, recolour
/// the screen or rewrite earlier lines; bidirectional overrides would let it
/// display as something other than what it is. Each such character is
/// replaced by a visible escape (`\x1b`, `\u{202e}`), so an operator sees
/// that something odd is there instead of being fooled by it.
public enum TerminalText {
    /// Returns `text` with every unsafe scalar replaced by a visible escape.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        // Built as a String: appending a sequence to a UnicodeScalarView copied
        // everything before it, so a long text full of escapes took quadratic time.
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True for scalars that must never be written raw to a terminal.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F: return true            // C0 controls, DEL
        case 0x80...0x9F: return true                  // C1 controls (8-bit CSI…)
        case 0x061C, 0x200E, 0x200F: return true       // bidi marks
        case 0x202A...0x202E: return true              // bidi embeddings/overrides
        case 0x2066...0x2069: return true              // bidi isolates
        case 0x2028, 0x2029: return true               // line/paragraph separators
        case 0xFEFF: return true                       // BOM / zero-width no-break
        default: return false
        }
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16)
            if scalar.value <= 0xFF {
                return "\\x" + (hex.count < 2 ? "0" + hex : hex)
            }
            return "\\u{" + hex + "}"
        }
    }
}
