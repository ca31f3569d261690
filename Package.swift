// swift-tools-version:6.0
import PackageDescription

// Layers point down only: executable -> TeamStore -> TeamMail -> TeamCore.
// TeamPhone (libphonenumber, C++) sits beside TeamCore and is used only by the
// edges that read numbers from people (CLI, CSV import, roster files, the
// interface's new-contact prompt) and by the store.
// TeamCore knows no SQL, no terminal, no files and no mail format; only
// TeamStore touches SQLite; invitation mail (render, encode, spool, send) is
// all in TeamMail. TermText and JSONText are leaves (JSONText writes the
// store's audit values and the CLI's --json output). TeamImport and
// TeamRoster read and write files over TeamCore's values, without SQLite.
let package = Package(
    name: "clerk-team",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clerk-team", targets: ["clerk-team"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // Roster files (YAML, with line numbers in every error).
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Shipped data (role matrix, invitation mail template) embedded into the binary so a copied
        // executable still works without a resource bundle beside it.
        .target(
            name: "ClerkResources",
            path: "Resources",
            sources: ["ClerkResources.swift"],
            resources: [.embedInCode("role-matrix.json"), .embedInCode("invitation-mail.txt")]
        ),
        .target(name: "TermText"),
        // Starting and reaping child programs with posix_spawn (Foundation's Process crashes now and then on Linux).
        .target(name: "CSpawn"),
        .target(name: "ChildProcess", dependencies: ["CSpawn"]),
        // JSON text with a fixed key order and terminal-safe escapes (CLI output, audit before/after).
        .target(name: "JSONText", dependencies: ["TermText"]),
        // Terminal-independent drawing: cells, grids, keys, widgets. No ncurses here.
        .target(name: "TermUI", dependencies: ["TermText"]),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // The only code that calls ncurses.
        .target(name: "CursesBackend", dependencies: ["CNCurses", "TermUI", "TermText"]),
        .target(name: "TeamCore", dependencies: ["ClerkResources", "TermText"]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // Google's libphonenumber (C++, Debian: libphonenumber-dev) behind three plain C functions.
        .target(name: "CPhoneNumber", linkerSettings: [.linkedLibrary("phonenumber")]),
        // Phone numbers as people write them, checked by libphonenumber, shown in international format.
        .target(name: "TeamPhone", dependencies: ["TeamCore", "TermText", "CPhoneNumber"]),
        // SHA-256 of invitation tokens from the system's libcrypto (Debian: libssl-dev).
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto"),
        // The store renders and spools an invitation's mail inside the invitation's transaction.
        .target(name: "TeamStore", dependencies: ["TeamCore", "TeamMail", "TeamPhone", "JSONText", "CSQLite", "CCrypto"]),
        // Invitation mail: rendering (template from ClerkResources), encoding, the spool,
        // transports (sendmail-compatible command, .eml folder), config file, delivery loop.
        .target(name: "TeamMail", dependencies: ["TeamCore", "ClerkResources", "TermText", "CIDN2", "ChildProcess"]),
        // Internationalised mail domains to their ASCII form (Debian: libidn2-dev).
        .systemLibrary(name: "CIDN2", path: "Sources/CIDN2"),
        // Bulk invitations from CSV, with the line number of every row.
        .target(name: "TeamImport", dependencies: ["TeamCore", "TeamPhone", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // The roster as a file: its model read from and written to YAML or JSON, and the plan
        // (current team + file -> commands) as a pure function; no SQLite here.
        .target(name: "TeamRoster", dependencies: ["TeamCore", "TeamPhone", "JSONText", .product(name: "Yams", package: "Yams")]),
        // Screens as a pure state machine (update) and pure drawing (view) over TermUI.
        // TeamPhone reads the numbers typed into its prompts as the command line does.
        .target(name: "TeamTUI", dependencies: ["TeamCore", "TeamPhone", "TermUI", "TermText"]),
        .executableTarget(
            name: "clerk-team",
            dependencies: [
                "TeamCore", "TeamStore", "TeamPhone", "TermText", "JSONText", "TeamMail", "TeamImport", "TeamRoster", "TeamTUI", "TermUI", "CursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ChildProcessTests", dependencies: ["ChildProcess"]),
        .testTarget(name: "TeamCoreTests", dependencies: ["TeamCore", "TermText"]),
        .testTarget(name: "TeamPhoneTests", dependencies: ["TeamPhone", "TeamCore"]),
        .testTarget(name: "JSONTextTests", dependencies: ["JSONText", "TermText"]),
        .testTarget(name: "TermUITests", dependencies: ["TermUI", "TermText"]),
        .testTarget(name: "TeamTUITests", dependencies: ["TeamTUI", "TeamStore", "TeamCore", "TermUI", "TestSupport", "CSQLite"],
                    exclude: ["Snapshots"]),
        // Helpers for tests: temp folders, running the built binary with deadlines.
        .target(name: "TestSupport", dependencies: ["ChildProcess"], path: "Tests/TestSupport"),
        .testTarget(name: "TeamStoreTests", dependencies: ["TeamStore", "TeamMail", "TeamCore", "TeamPhone", "CSQLite", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TeamCore", "TeamStore", "TestSupport", "CSQLite"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TeamRosterTests", dependencies: ["TeamRoster", "TeamCore"]),
        .testTarget(name: "TeamMailTests", dependencies: ["TeamMail", "TeamImport", "TeamCore", "TestSupport"]),
        // Benchmark (not a test): 10k-row CSV import; prints the time.
        .executableTarget(name: "clerk-bench", dependencies: ["TeamCore", "TeamStore", "TeamImport", "ChildProcess"]),
        // Benchmark (not a test): seeded hostile inputs to the parsers, validators and terminal
        // writers in process; bench/reliability.sh runs it in batches and counts crashes.
        .executableTarget(name: "clerk-fuzz", dependencies: ["TeamCore", "TeamPhone", "TeamImport", "TeamRoster", "TermText", "TermUI", "JSONText"]),
        // scripts/install.sh into a temporary prefix; the installed binary, page and completions with a clean environment.
        .testTarget(name: "InstallTests", dependencies: ["TestSupport"]),
        // The real binary's full-screen interface driven through a private tmux server.
        .testTarget(name: "TUIEndToEndTests", dependencies: ["TeamCore", "TeamStore", "TestSupport", "CSQLite"]),
    ],
    cxxLanguageStandard: .cxx17
)
