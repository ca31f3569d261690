/// Scrolling arithmetic for a list pane. Pure.
public enum ListScroll {
    /// The first visible row so that `selection` is in view, moving the
    /// window as little as possible from `previousOffset`.
    public static func offset(selection: Int, previousOffset: Int, visibleRows: Int, count: Int) -> Int {
        guard visibleRows > 0, count > 0 else { return 0 }
        var offset = min(previousOffset, max(0, count - visibleRows))
        if selection < offset { offset = selection }
        if selection >= offset + visibleRows { offset = selection - visibleRows + 1 }
        return max(0, offset)
    }

    /// `selection` moved by `delta`, clamped to the list.
    public static func move(_ selection: Int, by delta: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(max(0, selection + delta), count - 1)
    }
}
