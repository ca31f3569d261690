/// The characters used for lines and marks, in a Unicode and an ASCII set:
/// the ASCII set is used when the locale is not UTF-8 (e.g. `LC_ALL=C`),
/// where a Unicode symbol would be drawn as "?". Every symbol the interface
/// draws itself comes from here; text from people is its own.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var check: String
    public var unchecked: String
    public var ellipsis: String
    /// A message that came in ("←" / "<"), and one sent ("→" / ">").
    public var incoming: String
    public var outgoing: String
    /// Between short items on a line ("·" / "-"), and a mark for "none here".
    public var dot: String
    /// A dash between a name and what it means ("—" / "-").
    public var dash: String
    /// The arrow keys in hints and help ("↑" / "Up").
    public var up: String
    public var down: String
    public var left: String
    public var right: String
    public var isUnicode: Bool

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘", check: "✓", unchecked: " ",
                                       ellipsis: "…", incoming: "←", outgoing: "→", dot: "·", dash: "—",
                                       up: "↑", down: "↓", left: "←", right: "→",
                                       isUnicode: true)

    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                     bottomLeft: "+", bottomRight: "+", check: "[x]", unchecked: "[ ]",
                                     ellipsis: "~", incoming: "<", outgoing: ">", dot: "-", dash: "-",
                                     up: "Up", down: "Down", left: "Left", right: "Right",
                                     isUnicode: false)
}
