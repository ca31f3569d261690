/// The version `clerk-team --version` prints and the manual page carries:
/// the one place it is written. Raise it with each release.
enum ClerkVersion {
    static let current = "0.1.0"
}
