import ArgumentParser
import Foundation
import TeamCore
import TeamStore
#if canImport(Glibc)
import Glibc
#endif

/// Options every command takes: where the workspace is and who is acting.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Workspace file (default: $CLERK_TEAM_DB, else $XDG_DATA_HOME/clerk-team/workspace.db).", valueName: "path"),
            completion: .file(extensions: ["db"]))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this member (only the superuser or the workspace file's owner).", valueName: "email"),
            completion: Complete.emails)
    var asEmail: String?

    @Flag(help: "Browse only: every change is refused, in the interface and in commands.")
    var readOnly = false

    @Option(name: .customLong("view-as"), help: ArgumentHelp(
        "See the workspace (read-only) as a role or a member would: a role name or an email (workspace-admins only).",
        valueName: "role|email"), completion: Complete.roleOrEmail)
    var viewAs: String?

    /// An empty --db is a mistake (an unset variable), never "the default".
    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--db is empty; give the workspace file's path (or leave --db out for the default)")
        }
    }

    /// The workspace path from --db, $CLERK_TEAM_DB, or the XDG default.
    var path: String {
        if let db { return db }
        return Self.defaultPath(file: "workspace.db")
    }

    /// The demo's own file: --db, else `demo.db` beside the default workspace
    /// (never $CLERK_TEAM_DB, which names a real workspace).
    var demoPath: String {
        db.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultPath(file: "demo.db")
    }

    static func defaultPath(file: String) -> String {
        let env = ProcessInfo.processInfo.environment
        if file == "workspace.db", let fromEnv = env["CLERK_TEAM_DB"], !fromEnv.isEmpty { return fromEnv }
        let dataHome: String
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/share"
        }
        return dataHome + "/clerk-team/" + file
    }

    /// The OS login of the effective user (`getpwuid(geteuid())`).
    static var osLogin: String {
        let uid = geteuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid-\(uid)"
    }

    /// Who is acting: the bound login, or `--as`. The store's open decides
    /// whether `--as` is allowed, on the file it opened (the owner rule).
    func identity(interface: Interface = .cli) throws -> OperatorIdentity {
        guard let asEmail else { return OperatorIdentity(osLogin: Self.osLogin, interface: interface) }
        let email: EmailAddress
        do { email = try EmailAddress(asEmail) } catch { throw TeamError.invalid(error) }
        return OperatorIdentity(osLogin: Self.osLogin, asEmail: email, interface: interface)
    }
}
