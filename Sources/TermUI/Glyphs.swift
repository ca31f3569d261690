/// The characters used for lines and marks, in a Unicode and an ASCII set:
/// the ASCII set is used when the locale is not UTF-8 (e.g. `LC_ALL=C`).
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
    public var isUnicode: Bool

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘", check: "✓", unchecked: " ",
                                       ellipsis: "…", isUnicode: true)

    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                     bottomLeft: "+", bottomRight: "+", check: "[x]", unchecked: "[ ]",
                                     ellipsis: "~", isUnicode: false)
}
