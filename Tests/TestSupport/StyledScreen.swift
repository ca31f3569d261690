/// A captured screen with the attributes and colours of each character, read
/// from `tmux capture-pane -e` (text with SGR sequences), so a test can ask
/// "is this hint dimmed?" or "is any colour used?" without comparing bytes.
public struct StyledScreen: Sendable {
    /// What SGR set for a character. Colours are kept as their SGR
    /// parameters (`"33"`, `"38;5;8"`); nil is the terminal's default.
    public struct Style: Equatable, Sendable {
        public var bold = false
        public var dim = false
        public var italic = false
        public var underline = false
        public var reverse = false
        public var foreground: String?
        public var background: String?

        public var hasColour: Bool { foreground != nil || background != nil }
    }

    public struct Cell: Sendable {
        public var character: Character
        public var style: Style
    }

    public private(set) var lines: [[Cell]] = []

    /// Parses tmux's output; styles carry over from one line to the next, as tmux writes them.
    public init(escaped: String) {
        var style = Style()
        var line: [Cell] = []
        var scalars = escaped.unicodeScalars.makeIterator()
        var pending = String.UnicodeScalarView()
        func flush() {
            for character in String(pending) { line.append(Cell(character: character, style: style)) }
            pending = String.UnicodeScalarView()
        }
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1b}":
                flush()
                guard scalars.next() == "[" else { continue }
                var parameters = ""
                while let next = scalars.next() {
                    if next.value >= 0x40 && next.value <= 0x7E {
                        if next == "m" { Self.apply(parameters, to: &style) }
                        break
                    }
                    parameters.unicodeScalars.append(next)
                }
            case "\n":
                flush()
                lines.append(line)
                line = []
            default:
                pending.append(scalar)
            }
        }
        flush()
        if !line.isEmpty { lines.append(line) }
    }

    public var text: String { lines.map { String($0.map(\.character)) }.joined(separator: "\n") }

    /// Every style used for a non-blank character.
    public var styles: [Style] { lines.flatMap { $0.filter { $0.character != " " }.map(\.style) } }

    /// The style of the first character of the first occurrence of `text`.
    public func style(of text: String) -> Style? {
        let wanted = Array(text)
        for line in lines where line.count >= wanted.count {
            let characters = line.map(\.character)
            for start in 0...(characters.count - wanted.count) where Array(characters[start..<start + wanted.count]) == wanted {
                return line[start].style
            }
        }
        return nil
    }

    static func apply(_ parameters: String, to style: inout Style) {
        var codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
        if codes.isEmpty { codes = [0] }
        while let code = codes.popFirst() {
            switch code {
            case 0: style = Style()
            case 1: style.bold = true
            case 2: style.dim = true
            case 3: style.italic = true
            case 4: style.underline = true
            case 7: style.reverse = true
            case 22: style.bold = false; style.dim = false
            case 23: style.italic = false
            case 24: style.underline = false
            case 27: style.reverse = false
            case 30...37, 90...97: style.foreground = String(code)
            case 39: style.foreground = nil
            case 40...47, 100...107: style.background = String(code)
            case 49: style.background = nil
            case 38, 48:
                // 38;5;N or 38;2;R;G;B (and the same for 48).
                let count = codes.first == 5 ? 2 : codes.first == 2 ? 4 : 0
                let colour = ([code] + codes.prefix(count)).map(String.init).joined(separator: ";")
                codes = codes.dropFirst(count)
                if code == 38 { style.foreground = colour } else { style.background = colour }
            default: break
            }
        }
    }
}
