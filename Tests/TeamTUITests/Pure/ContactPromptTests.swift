import Testing
@testable import TeamCore
@testable import TeamTUI
import TermUI

/// The new-contact prompt reads numbers as the command line does (libphonenumber):
/// as people write them, the number's words kept apart from the name's.
@Suite struct ContactPromptTests {
    @Test(arguments: [
        ("+1 (415) 555-0140 Zoë", "+14155550140", "Zoë"),
        ("+1-415-555-0141 Dash", "+14155550141", "Dash"),
        ("0044 20 7946 0150 Brit", "+442079460150", "Brit"),
        ("+14155550142 Ann Lee", "+14155550142", "Ann Lee"),
        ("  +1 415 555 0143   Mary  Ann ", "+14155550143", "Mary Ann"),
        ("+44 20 7946 0151 2nd Floor Desk", "+442079460151", "2nd Floor Desk"),
    ])
    func aNumberAsPeopleWriteItThenTheName(_ text: String, _ phone: String, _ name: String) throws {
        #expect(try PromptParsing.contact(text)
                == .addContact(phone: PhoneNumber(stored: phone), name: try DisplayName(name), values: []), "\(text)")
    }

    @Test func withoutANumberOrANameItSaysWhy() {
        #expect(throws: ValidationError.self) { try PromptParsing.contact("+1 415 555 0143") }
        do {
            _ = try PromptParsing.contact("+1 415 555 01 Short")
            Issue.record("a number a digit short was read")
        } catch {
            #expect(error.message.contains("'+1 415 555 01' is not a phone number that can exist"), "\(error.message)")
        }
        do {
            _ = try PromptParsing.contact("Ann Lee")
            Issue.record("a name alone was read")
        } catch {
            #expect(error.message.contains("'Ann' is not a phone number"), "\(error.message)")
        }
    }

    @Test func typingItIntoThePromptAddsTheContact() {
        var state = Sample.started()
        state.modal = .prompt(Prompt(purpose: .addContact))
        for character in "+1 (415) 555-0140 Zoë" { _ = App.update(&state, .key(.char(character))) }
        let effects = App.update(&state, .key(.enter))
        #expect(effects == [.perform(.addContact(phone: PhoneNumber(stored: "+14155550140"), name: try! DisplayName("Zoë"), values: []))],
                "\(String(describing: state.modal))")
    }
}
