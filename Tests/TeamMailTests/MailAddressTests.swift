import Testing
import TeamCore
@testable import TeamMail

/// Addresses as they go into mail headers: IDNA domains, ASCII local parts.
@Suite(.timeLimit(.minutes(10))) struct MailAddressTests {
    @Test(arguments: [
        ("ann@bücher.example", "ann@xn--bcher-kva.example"),
        ("ann@東京.example", "ann@xn--1lqs71d.example"),
        ("zoe@straße.example", "zoe@xn--strae-oqa.example"),   // non-transitional: ß stays ß
        ("ann@example.com", "ann@example.com"),
    ])
    func internationalisedDomainsAreWrittenInTheirIDNAForm(_ address: String, _ wire: String) throws {
        #expect(try MailAddress.ascii(address) == wire)
    }

    @Test func aNonASCIILocalPartIsRefusedForEveryTransportSayingWhy() {
        #expect {
            try MailAddress.ascii("zoë@example.com")
        } throws: { error in
            (error as? ValidationError)?.message.contains("letters outside ASCII before '@'; mail to it needs SMTPUTF8") == true
        }
    }

    @Test func theToHeaderCarriesTheIDNAFormAndTheMessageIDToo() throws {
        var message = MailMessage(body: "hi")
        try message.add("To", address: "ann@bücher.example")
        #expect(message.value(of: "To") == "ann@xn--bcher-kva.example")
        let id = InvitationMail.messageID(mail: 7, unique: "abcdefabcdefxyz", sender: try EmailAddress("wanda@bücher.example"))
        #expect(id == "<clerk-team.7.abcdefabcdef@xn--bcher-kva.example>")
    }

    @Test func aDomainIDNACannotWriteIsRefusedWithTheReason() {
        // U+2615 (hot beverage) is not allowed in IDNA2008 labels.
        #expect(throws: ValidationError.self) { try MailAddress.ascii("ann@\u{2615}.example") }
    }
}
