/// Scrolling arithmetic for a list pane. Pure.
public enum ListScroll {
    /// The first visible row so that `selection` is in view. A selection
    /// that leaves the window scrolls it a third of a page further than it
    /// must (as vim's 'scrolljump'), so the rows ahead show and the next moves
    /// redraw two rows instead of every row: over SSH a move costs a few
    /// hundred bytes, not a whole pane. Small windows scroll row by row.
    public static func offset(selection: Int, previousOffset: Int, visibleRows: Int, count: Int) -> Int {
        guard visibleRows > 0, count > 0 else { return 0 }
        let last = max(0, count - visibleRows)
        let jump = visibleRows >= 6 ? visibleRows / 3 : 0
        var offset = min(previousOffset, last)
        if selection < offset { offset = max(0, selection - jump) }
        if selection >= offset + visibleRows { offset = min(last, selection - visibleRows + 1 + jump) }
        return max(0, offset)
    }

    /// `selection` moved by `delta`, clamped to the list.
    public static func move(_ selection: Int, by delta: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(max(0, selection + delta), count - 1)
    }
}
