// swift-tools-version:6.0
import PackageDescription

// Layers point down only: executable -> TeamStore -> TeamCore.
// TeamCore knows no SQL and no terminal; only TeamStore touches SQLite.
let package = Package(
    name: "clerk-team",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clerk-team", targets: ["clerk-team"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Shipped data (role matrix) embedded into the binary so a copied
        // executable still works without a resource bundle beside it.
        .target(
            name: "ClerkResources",
            path: "Resources",
            sources: ["ClerkResources.swift"],
            resources: [.embedInCode("role-matrix.json")]
        ),
        .target(name: "TermText"),
        // Terminal-independent drawing: cells, grids, keys, widgets. No ncurses here.
        .target(name: "TermUI", dependencies: ["TermText"]),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // The only code that calls ncurses.
        .target(name: "CursesBackend", dependencies: ["CNCurses", "TermUI", "TermText", "TeamTUI"]),
        .target(name: "TeamCore", dependencies: ["ClerkResources", "TermText"]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .target(name: "TeamStore", dependencies: ["TeamCore", "CSQLite"]),
        // Screens as a pure state machine (update) and pure drawing (view) over TermUI.
        .target(name: "TeamTUI", dependencies: ["TeamCore", "TermUI", "TermText"]),
        .executableTarget(
            name: "clerk-team",
            dependencies: [
                "TeamCore", "TeamStore", "TermText", "TeamTUI", "TermUI", "CursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TeamCoreTests", dependencies: ["TeamCore", "TermText"]),
        .testTarget(name: "TermUITests", dependencies: ["TermUI", "TermText"]),
        // Helpers for tests: temp folders, running the built binary with deadlines.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TeamStoreTests", dependencies: ["TeamStore", "TeamCore", "CSQLite", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TeamCore", "TeamStore", "TestSupport", "CSQLite"]),
        // The real binary's full-screen interface driven through a private tmux server.
        .testTarget(name: "TUIEndToEndTests", dependencies: ["TeamCore", "TeamStore", "TestSupport", "CSQLite"]),
    ]
)
