/// The selection and scroll position of one list: which row is selected and
/// which row is at the top. Every list keeps its own, so no field means two things.
public struct ListState: Equatable, Sendable {
    public var selection = 0
    public var offset = 0

    public init(selection: Int = 0, offset: Int = 0) { self.selection = selection; self.offset = offset }

    /// Moves the selection by `delta` (clamped), scrolling as little as possible.
    public mutating func move(by delta: Int, count: Int, visibleRows: Int) {
        selection = ListScroll.move(selection, by: delta, count: count)
        clamp(count: count, visibleRows: visibleRows)
    }

    /// Selects `row` if it exists.
    public mutating func select(_ row: Int, count: Int, visibleRows: Int) {
        guard row >= 0, row < count else { return }
        selection = row
        clamp(count: count, visibleRows: visibleRows)
    }

    /// Keeps the selection inside the list and on screen (after a resize or a reload).
    public mutating func clamp(count: Int, visibleRows: Int) {
        selection = min(selection, max(0, count - 1))
        offset = ListScroll.offset(selection: selection, previousOffset: offset, visibleRows: visibleRows, count: count)
    }

    /// The rows on screen: `offset ..< offset + visibleRows`, within the list.
    public func visibleRange(count: Int, visibleRows: Int) -> Range<Int> {
        let start = min(offset, count)
        return start..<min(count, start + max(0, visibleRows))
    }
}
