import Foundation
import TeamCore
import TeamMail
import TeamStore

/// What opening does to the workspace file.
enum Opening {
    /// Uses the existing file; never creates one.
    case existing
    /// `init`: a new file whose first workspace-admin is the operator.
    case create(name: DisplayName, adminEmail: EmailAddress, adminName: DisplayName)
    /// `demo`: a new demo file, replacing an older demo.
    case demo(members: Int)

    var usesExistingFile: Bool {
        if case .existing = self { return true }
        return false
    }
}

/// The one way the command line reaches the store.
///
/// Every store option is decided here, at open, from the global flags and,
/// for commands that queue or send mail, the operator's config file; nothing
/// is set on a workspace after it is opened. That is what makes `--read-only`
/// hold for every command, `accept` and `init` included.
extension GlobalOptions {
    /// Opens the workspace (at `path`, default --db) for a command that sends no mail.
    func openWorkspace(_ opening: Opening = .existing, at path: String? = nil,
                       interface: Interface = .cli) throws -> SQLiteWorkspace {
        try open(opening, at: path ?? self.path, interface: interface, mail: nil)
    }

    /// Opens the workspace for a command that only reads: read-only at the
    /// SQLite level, never upgraded (a file that needs it is refused, saying how).
    func openWorkspaceForReading() throws -> SQLiteWorkspace {
        try open(.existing, at: path, interface: .cli, mail: nil, reading: true)
    }

    /// Opens the workspace for a command that queues or sends invitation mail.
    /// The config is read first, once: a broken one stops the command before
    /// anything changes.
    func openWorkspaceSendingMail(at path: String? = nil, interface: Interface = .cli,
                                  lockWait: (any LockWaitObserver)? = nil) throws -> (workspace: SQLiteWorkspace, mail: ClerkConfig) {
        let config = try MailWiring.config()
        return (try open(.existing, at: path ?? self.path, interface: interface, mail: config, lockWait: lockWait), config)
    }

    /// The only code that calls the store's `open`, `create` and `createDemo`.
    private func open(_ opening: Opening, at path: String, interface: Interface,
                      mail: ClerkConfig?, lockWait: (any LockWaitObserver)? = nil, reading: Bool = false) throws -> SQLiteWorkspace {
        try Self.checkEnvironment()
        try Self.refuseFolder(path)
        let view = try viewAs.map(Parse.viewAs)
        if view != nil, !opening.usesExistingFile {
            throw TeamError.invalid(ValidationError(field: "view-as",
                message: "--view-as looks at an existing workspace; it cannot create one"))
        }
        // Without a config (commands that send no mail) the store's defaults
        // apply: mail from the inviter's own address, the standard expiry.
        var options = StoreOptions(readOnly: readOnly, mailSettings: mail?.mailSettings ?? MailSettings(),
                                   lockWait: lockWait, viewAs: view)
        options.reading = reading
        // Creating binds the operator's own login: there is no member yet for --as to name.
        let ownIdentity = OperatorIdentity(osLogin: Self.osLogin, interface: interface)
        switch opening {
        case .existing:
            return try SQLiteWorkspace.open(path: path, identity: try identity(interface: interface),
                                            options: options)
        case .create(let name, let adminEmail, let adminName):
            return try SQLiteWorkspace.create(path: path, name: name, adminEmail: adminEmail, adminName: adminName,
                                              identity: ownIdentity, options: options)
        case .demo(let members):
            return try SQLiteWorkspace.createDemo(path: path, members: members, identity: ownIdentity, options: options)
        }
    }
}

extension GlobalOptions {
    /// A busy timeout that is not a number, or out of range, is a usage
    /// error (exit 2): said before anything opens, never quietly replaced.
    static func checkEnvironment() throws {
        if case .failure(let problem) = BusyTimeout.millis() {
            Console.error(problem.description)
            throw Refused(code: 2)
        }
    }

    /// SQLite says "disk I/O error" for a folder; say what it is.
    static func refuseFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return }
        throw TeamError.invalid(ValidationError(field: "workspace",
            message: "\(path) is a folder, not a workspace file; give the file's path (for example \(path)/workspace.db)"))
    }
}
