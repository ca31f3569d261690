import Foundation
import TeamCore
#if canImport(Glibc)
import Glibc
#endif

/// The operator's config file, `$XDG_CONFIG_HOME/clerk-team/config.json`
/// (default `~/.config/clerk-team/config.json`, or `$CLERK_TEAM_CONFIG`):
///
/// ```json
/// {
///   "transport": {"kind": "sendmail", "command": ["msmtp", "-t"], "timeout_seconds": 60},
///   "from": "team@example.com",
///   "invite_expiry_days": 7
/// }
/// ```
/// or `"transport": {"kind": "folder", "path": "~/outgoing-mail"}` (the
/// default: `$XDG_DATA_HOME/clerk-team/mail`). Every key is optional; an
/// unknown key or a wrong value is an error naming the key.
public struct ClerkConfig: Sendable, Equatable {
    public enum Transport: Sendable, Equatable {
        case folder(path: String)
        case sendmail(command: [String], timeoutSeconds: Int)
    }

    public var transport: Transport
    public var from: EmailAddress?
    public var inviteExpiryDays: Int?
    /// The file this came from (nil: no file, defaults).
    public var source: String?

    public var mailSettings: MailSettings { MailSettings(from: from, defaultExpiryDays: inviteExpiryDays) }

    /// The file to read, and whether it was named explicitly (then it must exist).
    public static func location(environment: [String: String]) -> (path: String, explicit: Bool) {
        if let path = environment["CLERK_TEAM_CONFIG"], !path.isEmpty { return (path, true) }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return (xdg + "/clerk-team/config.json", false) }
        return (home(environment) + "/.config/clerk-team/config.json", false)
    }

    /// Reads the config for this environment; defaults when there is no file.
    public static func load(environment: [String: String]) throws(TeamError) -> ClerkConfig {
        let (path, explicit) = location(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else {
            if explicit { throw TeamError.invalid(ValidationError(field: "config", message: "no config file at \(path) (named by CLERK_TEAM_CONFIG)")) }
            return ClerkConfig(transport: .folder(path: defaultFolder(environment)), from: nil, inviteExpiryDays: nil, source: nil)
        }
        return try parse(try readTrusted(path), path: path, environment: environment)
    }

    public static func parse(_ data: Data, path: String, environment: [String: String]) throws(TeamError) -> ClerkConfig {
        func bad(_ key: String, _ message: String) -> TeamError {
            TeamError.invalid(ValidationError(field: "config key \"\(key)\" in \(path)", message: message))
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw TeamError.invalid(ValidationError(field: "config", message: "\(path) is not a JSON object"))
        }
        for key in root.keys.sorted() where !["transport", "from", "invite_expiry_days"].contains(key) {
            throw bad(key, "unknown key; expected transport, from or invite_expiry_days")
        }
        var config = ClerkConfig(transport: .folder(path: defaultFolder(environment)), from: nil, inviteExpiryDays: nil,
                                 source: path)
        if let value = root["from"] {
            guard let text = value as? String, let email = try? EmailAddress(text) else {
                throw bad("from", "must be an email address such as \"team@example.com\"")
            }
            config.from = email
        }
        if let value = root["invite_expiry_days"] {
            guard let days = integer(value), InvitationRules.expiryDaysRange.contains(days) else {
                throw bad("invite_expiry_days", "must be a whole number of days from 1 to 365")
            }
            config.inviteExpiryDays = days
        }
        if let value = root["transport"] {
            guard let transport = value as? [String: Any] else { throw bad("transport", "must be an object with a \"kind\"") }
            config.transport = try parseTransport(transport, bad, environment: environment, configPath: path)
        }
        return config
    }

    private static func parseTransport(_ object: [String: Any], _ bad: (String, String) -> TeamError,
                                       environment: [String: String], configPath: String) throws(TeamError) -> Transport {
        switch object["kind"] as? String {
        case "folder":
            for key in object.keys.sorted() where !["kind", "path"].contains(key) {
                throw bad("transport.\(key)", "unknown key for a folder transport; expected path")
            }
            guard let value = object["path"] else { return .folder(path: defaultFolder(environment)) }
            guard let path = value as? String, !path.isEmpty, !path.contains("\0") else {
                throw bad("transport.path", "must be a folder path")
            }
            return .folder(path: expand(path, relativeTo: configPath, environment))
        case "sendmail":
            for key in object.keys.sorted() where !["kind", "command", "timeout_seconds"].contains(key) {
                throw bad("transport.\(key)", "unknown key for a sendmail transport; expected command or timeout_seconds")
            }
            guard let command = object["command"] as? [Any], !command.isEmpty,
                  let words = command as? [String], words.allSatisfy({ !$0.isEmpty && !$0.contains("\0") }) else {
                throw bad("transport.command", "must be a non-empty array of strings, e.g. [\"msmtp\", \"-t\"]")
            }
            var timeout = 60
            if let value = object["timeout_seconds"] {
                guard let seconds = integer(value), (1...3600).contains(seconds) else {
                    throw bad("transport.timeout_seconds", "must be a whole number of seconds from 1 to 3600")
                }
                timeout = seconds
            }
            return .sendmail(command: words, timeoutSeconds: timeout)
        case nil:
            throw bad("transport.kind", "missing; expected \"sendmail\" or \"folder\"")
        case let other?:
            throw bad("transport.kind", "unknown kind \"\(other)\"; expected \"sendmail\" or \"folder\"")
        }
    }

    /// The transport this config describes; `searchPath` finds a bare command name.
    public func makeTransport(searchPath: String?) -> any MailTransport {
        switch transport {
        case .folder(let path):
            return FolderTransport(directory: path)
        case .sendmail(let command, let timeout):
            return SendmailTransport(command: command, timeoutSeconds: timeout,
                                     searchPath: searchPath ?? "/usr/sbin:/usr/bin:/sbin:/bin")
        }
    }

    static func defaultFolder(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/clerk-team/mail" }
        return home(environment) + "/.local/share/clerk-team/mail"
    }

    private static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    /// `~/x` from HOME, a relative path from the config file's folder.
    private static func expand(_ path: String, relativeTo configPath: String, _ environment: [String: String]) -> String {
        if path == "~" { return home(environment) }
        if path.hasPrefix("~/") { return home(environment) + String(path.dropFirst()) }
        if path.hasPrefix("/") { return path }
        return (configPath as NSString).deletingLastPathComponent + "/" + path
    }

    /// JSON numbers arrive as NSNumber; booleans must not pass as 0/1.
    private static func integer(_ value: Any) -> Int? {
        guard let number = value as? NSNumber, !["c", "B"].contains(String(cString: number.objCType)) else {
            return nil
        }
        let double = number.doubleValue
        guard double.rounded() == double, abs(double) < 1e9 else { return nil }
        return Int(double)
    }
}
