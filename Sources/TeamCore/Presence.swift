/// Someone who has the workspace open in the full-screen interface now.
public struct PresenceEntry: Sendable, Equatable {
    public var login: String
    public var email: String
    public var name: String
    public var since: Timestamp
    /// The view they are on (members, inboxes…).
    public var screen: String
    public var pid: Int32
    /// The workspace file it has open ("device:inode"), nil while it has none
    /// (or written by a version that did not say): after the file is replaced,
    /// an interface still holding the old one also holds its write-ahead log.
    public var file: String?

    public init(login: String, email: String, name: String, since: Timestamp, screen: String, pid: Int32, file: String? = nil) {
        self.login = login; self.email = email; self.name = name; self.since = since; self.screen = screen; self.pid = pid
        self.file = file
    }
}
