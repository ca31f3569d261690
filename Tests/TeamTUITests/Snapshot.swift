import Foundation
import Testing
import TermUI

/// Text snapshots of whole screens: the characters, then a line of style
/// marks per row (so a greyed hint is visible). `UPDATE_SNAPSHOTS=1` rewrites them.
enum Snapshot {
    static func assert(_ grid: Grid, named name: String, filePath: String = #filePath,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let rendered = grid.text() + "\n--- styles ---\n" + grid.styleMarks() + "\n"
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
        let environment = ProcessInfo.processInfo.environment
        if environment["UPDATE_SNAPSHOTS"] == "1" {
            // In CI a rewrite would turn every changed screen green: refuse it.
            if let ci = environment["CI"], !ci.isEmpty, ci != "0", ci.lowercased() != "false" {
                Issue.record("UPDATE_SNAPSHOTS=1 is refused under CI (CI=\(ci)): snapshots are recorded on a developer's machine and committed",
                             sourceLocation: sourceLocation)
                return
            }
            do {
                try rendered.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot record snapshot \(name).txt: \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing snapshot \(name).txt; run with UPDATE_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != rendered {
            let diff = zip(expected.split(separator: "\n", omittingEmptySubsequences: false),
                           rendered.split(separator: "\n", omittingEmptySubsequences: false))
                .enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("snapshot \(name) differs at line \((diff?.offset ?? 0) + 1):\nexpected: \(diff?.element.0 ?? "")\n  actual: \(diff?.element.1 ?? "")",
                         sourceLocation: sourceLocation)
        }
    }
}
