/// The runs of cells that differ between two grids of the same size, so a
/// backend writes only what changed (a one-row move touches two rows).
public struct GridRun: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
}

public enum GridDiff {
    public static func runs(from old: Grid?, to new: Grid) -> [GridRun] {
        var runs: [GridRun] = []
        let full = old == nil || old?.size != new.size
        for y in 0..<new.size.rows {
            var x = 0
            while x < new.size.cols {
                if !full, let old, old[x, y] == new[x, y] {
                    x += 1
                    continue
                }
                var run = GridRun(x: x, y: y, cells: [])
                // A run never starts on a continuation: back up to its head.
                if new[x, y].isContinuation, x > 0 {
                    run.x = x - 1
                    run.cells.append(new[x - 1, y])
                }
                while x < new.size.cols && (full || old?[x, y] != new[x, y] || new[x, y].isContinuation) {
                    run.cells.append(new[x, y])
                    x += 1
                }
                runs.append(run)
            }
        }
        return runs
    }
}
