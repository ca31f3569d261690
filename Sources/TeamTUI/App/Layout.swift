import TermUI

/// Where everything goes for a terminal size, computed in one place (and
/// kept in the state) so keys (page size, clicks) and drawing agree, and
/// update never asks drawing code for geometry.
public struct Layout: Equatable, Sendable {
    public var header: Rect
    public var status: Rect
    public var footer: Rect
    /// The list pane (members, inboxes or invitations), border included.
    public var list: Rect?
    /// The side pane (a member's inboxes, an inbox's members, an invitation), border included.
    public var side: Rect?
    /// True when the terminal is too small for anything but a note.
    public var tooSmall: Bool
    /// The member list: headings shown, data rows, the filter line at the bottom.
    public var memberHeadings: Bool
    public var memberRows: Int
    public var filterLine: Bool
    /// Data rows under a heading line in the list pane and the side pane.
    public var listRows: Int
    public var sideRows: Int
    /// Where windows go: between the header and the status line.
    public var windowArea: Rect
    /// The whole body, for a view of one wide list (the access review); nil when too small.
    public var reviewArea: Rect?
    /// Lines the review view shows.
    public var reviewRows: Int

    public static let minimumSize = Size(cols: 16, rows: 4)
    /// Below this width only the focused pane is shown.
    public static let twoPaneWidth = 70

    /// Rows of a framed list under its heading line.
    static func rowsUnderHeadings(_ pane: Rect) -> Int {
        pane.height - (Panel.framed(pane) ? 2 : 0) - 1
    }

    public static func compute(size: Size, focus: AppState.Focus, filterLine wantsFilterLine: Bool) -> Layout {
        let tooSmall = size.cols < minimumSize.cols || size.rows < minimumSize.rows
        let header = Rect(x: 0, y: 0, width: size.cols, height: 1)
        let footer = Rect(x: 0, y: size.rows - 1, width: size.cols, height: 1)
        let status = Rect(x: 0, y: size.rows - 2, width: size.cols, height: 1)
        let body = Rect(x: 0, y: 1, width: size.cols, height: max(0, size.rows - 3))
        var list: Rect?
        var side: Rect?
        if tooSmall {
            // nothing but the note
        } else if size.cols < twoPaneWidth {
            if focus == .members { list = body } else { side = body }
        } else {
            let sideWidth = min(48, max(32, size.cols * 3 / 8))
            (list, side) = body.splitColumns(body.width - sideWidth)
        }
        // The member list's inside: column heads only when a member row fits too;
        // the filter line takes the last row when shown. A pane too low for a frame has none.
        let pane = list ?? body
        let inner = max(0, pane.height - (Panel.framed(pane) ? 2 : 0))
        let available = max(0, inner - (wantsFilterLine ? 1 : 0))
        let headings = available >= 3
        return Layout(header: header, status: status, footer: footer, list: list, side: side, tooSmall: tooSmall,
                      memberHeadings: headings, memberRows: max(1, available - (headings ? 1 : 0)),
                      filterLine: wantsFilterLine && inner >= 2,
                      listRows: max(1, rowsUnderHeadings(list ?? side ?? body)),
                      sideRows: max(1, rowsUnderHeadings(side ?? list ?? body)),
                      windowArea: Rect(x: 0, y: 1, width: size.cols, height: max(0, size.rows - 2)),
                      reviewArea: tooSmall ? nil : body,
                      reviewRows: max(1, body.height - (Panel.framed(body) ? 2 : 0)))
    }
}
