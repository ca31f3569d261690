import TermText

/// Minimal JSON writing with a fixed key order, so output is byte-stable.
///
/// Besides what JSON requires, every scalar a terminal would act on (C1
/// controls, bidi overrides, line separators) is written as a `\uXXXX`
/// escape: the text stays valid, equal JSON and is safe to print raw.
public enum JSONText {
    public static func quote(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    /// Appends `text` as a JSON string literal (with quotes) to `out`.
    public static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Fast path: plain printable ASCII needs no escaping (nearly every email and number).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TerminalText.isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// A JSON value built in code and rendered with keys in insertion order.
    public indirect enum Value: Sendable, Equatable {
        case string(String)
        case int(Int64)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])

        public static func == (lhs: Value, rhs: Value) -> Bool { lhs.rendered() == rhs.rendered() }

        public func rendered() -> String {
            var out = ""
            render(into: &out)
            return out
        }

        public func render(into out: inout String) {
            switch self {
            case .string(let text): JSONText.quote(text, into: &out)
            case .int(let number): out += String(number)
            case .bool(let flag): out += flag ? "true" : "false"
            case .null: out += "null"
            case .array(let items):
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += "," }
                    item.render(into: &out)
                }
                out += "]"
            case .object(let pairs):
                out += "{"
                for (index, pair) in pairs.enumerated() {
                    if index > 0 { out += "," }
                    JSONText.quote(pair.0, into: &out)
                    out += ":"
                    pair.1.render(into: &out)
                }
                out += "}"
            }
        }
    }
}

extension JSONText.Value {
    public init(_ text: String?) { self = text.map { .string($0) } ?? .null }
}
