import CIDN2
import TeamCore
import TermText

/// An address as it can go into a mail header: the domain in its ASCII
/// (IDNA, `xn--`) form, the part before `@` plain ASCII.
///
/// Mail with a non-ASCII local part needs SMTPUTF8 all the way to the
/// recipient's server; clerk-team hands mail to a sendmail-compatible
/// command or a folder and cannot know whether the relay behind them
/// supports it, so it refuses such addresses for every transport, saying
/// so, rather than sending mail that may bounce or be mangled.
public enum MailAddress {
    public static func ascii(_ address: String) throws(ValidationError) -> String {
        let shown = "'" + TerminalText.sanitize(address) + "'"
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError(field: "email", message: "\(shown) is not a plain mail address")
        }
        guard parts[0].unicodeScalars.allSatisfy(\.isASCII) else {
            throw ValidationError(field: "email", message:
                "\(shown) has letters outside ASCII before '@'; mail to it needs SMTPUTF8, which clerk-team "
                + "does not use with any transport; ask for an ASCII address")
        }
        return String(parts[0]) + "@" + (try asciiDomain(String(parts[1]), shown: shown))
    }

    /// The mailbox `email` names, as mail to it is addressed: the domain in
    /// its ASCII (IDNA) form, so `ann@bücher.example`, `ann@BÜCHER.example`
    /// and `ann@xn--bcher-kva.example` are one mailbox. This is the one rule
    /// for "the same person" (the store's member and invitation lookups use
    /// it); addresses are still stored and listed as typed. A domain IDNA
    /// cannot convert is its own mailbox (no mail can be sent to it anyway).
    public static func mailbox(_ email: EmailAddress) -> String {
        let value = email.value
        guard let at = value.firstIndex(of: "@") else { return value }
        let domain = String(value[value.index(after: at)...])
        guard let ascii = try? asciiDomain(domain) else { return value }
        return String(value[..<at]) + "@" + ascii
    }

    /// `bücher.example` → `xn--bcher-kva.example`; ASCII domains come back lowercased as they are.
    public static func asciiDomain(_ domain: String, shown: String? = nil) throws(ValidationError) -> String {
        if domain.unicodeScalars.allSatisfy(\.isASCII) { return domain.lowercased() }
        var output: UnsafeMutablePointer<CChar>?
        let flags = Int32(IDN2_NFC_INPUT.rawValue | IDN2_NONTRANSITIONAL.rawValue)
        let status = idn2_to_ascii_8z(domain, &output, flags)
        defer { idn2_free(output) }
        guard status == Int32(IDN2_OK.rawValue), let output else {
            let reason = String(cString: idn2_strerror(status))
            throw ValidationError(field: "email", message:
                "\(shown ?? "'" + TerminalText.sanitize(domain) + "'") has a domain that cannot be written for mail (IDNA: \(reason))")
        }
        return String(cString: output)
    }
}
