// Benchmark (not a test): feeds seeded hostile inputs to the parsers and
// validators in process and checks what the terminal-facing writers make
// of them (escape injection, JSON, widths). Prints one line of JSON with
// the counts; a crash kills the process, which bench/reliability.py counts
// and narrows down to its run.
// Usage: clerk-fuzz [--seed N] [--from RUN] [--count N] [--target NAME] [--show]
//   --show writes each run's input (escaped) to stderr before the run.
import Foundation

var seed: UInt64 = 1
var from = 0
var count = 1_000
var only: Target?
var show = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    if argument == "--show" { show = true; continue }
    let value = arguments.next() ?? ""
    switch argument {
    case "--seed": seed = UInt64(value) ?? seed
    case "--from": from = Int(value) ?? from
    case "--count": count = Int(value) ?? count
    case "--target":
        guard let target = Target(rawValue: value) else {
            FileHandle.standardError.write(Data("clerk-fuzz: no target '\(value)'; one of \(Target.allCases.map(\.rawValue))\n".utf8))
            exit(2)
        }
        only = target
    default:
        FileHandle.standardError.write(Data("usage: clerk-fuzz [--seed N] [--from RUN] [--count N] [--target NAME] [--show]\n".utf8))
        exit(2)
    }
}

var runner = Runner(scratch: NSTemporaryDirectory())
var perTarget: [String: Int] = [:]
var slow: [String] = []
let started = Date()
for run in from..<(from + count) {
    // Run n always feeds the same target and input, whatever the batch it is in.
    let target = only ?? Target.allCases[run % Target.allCases.count]
    let began = Date()
    runner.run(target, seed: seed, run: run, show: show)
    perTarget[target.rawValue, default: 0] += 1
    // A run that takes seconds is a finding of its own (input that costs more than its size).
    let took = Date().timeIntervalSince(began)
    if took > 1 { slow.append("run \(run) (\(target.rawValue), \(runner.lastInputSize) bytes): \(String(format: "%.1f", took)) s") }
}
let summary: [String: Any] = [
    "runs": count, "seed": seed, "from": from, "accepted": runner.accepted, "refused": runner.refused,
    "texts_checked": runner.checks.texts, "leaks": runner.checks.leaks, "json_mismatches": runner.checks.jsonMismatches,
    "width_mismatches": runner.checks.widthMismatches, "examples": runner.checks.examples, "per_target": perTarget, "slow": slow,
    "seconds": Date().timeIntervalSince(started),
]
let data = (try? JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])) ?? Data("{}".utf8)
FileHandle.standardOutput.write(data + Data("\n".utf8))
