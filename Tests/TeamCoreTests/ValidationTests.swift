import Testing
@testable import TeamCore

@Suite(.timeLimit(.minutes(10))) struct EmailValidationTests {
    @Test(arguments: [
        ("Ana@Example.com", "ana@example.com"),
        ("  bob.smith+team@mail.example.co.uk ", "bob.smith+team@mail.example.co.uk"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("JOSÉ@exämple.de", "josé@exämple.de"),
    ])
    func acceptsAndCanonicalises(_ input: String, _ canonical: String) throws {
        #expect(try EmailAddress(input).value == canonical)
    }

    @Test func canonicalFormIsNFC() throws {
        let decomposed = "jose\u{301}@example.com"
        #expect(try EmailAddress(decomposed) == EmailAddress("jos\u{e9}@example.com"))
    }

    @Test(arguments: [
        ("", "empty"), ("plainaddress", "missing '@'"), ("a@b@c.com", "more than one '@'"),
        ("@example.com", "nothing before"), ("ana@", "nothing after"), ("ana@localhost", "needs a dot"),
        (".ana@example.com", "misplaced '.'"), ("ana..b@example.com", "misplaced '.'"),
        ("ana b@example.com", "not allowed before"), ("ana@exa_mple.com", "not allowed in domain"),
        ("ana@-example.com", "starts or ends with '-'"), ("ana@example..com", "empty part"),
        ("ana@1.2.3.4", "numeric"), ("ana\u{1b}[31m@example.com", "not allowed before"),
        (String(repeating: "a", count: 65) + "@example.com", "longer than 64"),
        ("a@" + String(repeating: "b", count: 250) + ".com", "longer than 254"),
    ])
    func rejectsWithSpecificReason(_ input: String, _ reason: String) {
        #expect {
            try EmailAddress(input)
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.field == "email" && error.message.contains(reason)
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct PhoneValidationTests {
    @Test(arguments: ["+14159004009", "+4930901820", "+819012345678", "+12345678"])
    func acceptsE164(_ input: String) throws {
        #expect(try PhoneNumber(input).value == input)
    }

    @Test(arguments: [
        ("14159004009", "must start with +"), ("+1 415 900 4009", "only digits"),
        ("+1-415-900-4009", "only digits"), ("+0123456789", "starts with 0"),
        ("+1234567", "7 digits"), ("+1234567890123456", "16 digits"), ("+", "0 digits"),
        ("+١٢٣٤٥٦٧٨٩", "only digits"), ("", "must start with +"),
    ])
    func rejectsNonE164(_ input: String, _ reason: String) {
        #expect {
            try PhoneNumber(input)
        } throws: { error in
            (error as? ValidationError)?.field == "phone" && (error as? ValidationError)?.message.contains(reason) == true
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct NameValidationTests {
    @Test(arguments: ["Ana García", "美咲 田中", "Sam 🚀", "O'Brien", "👨‍👩‍👧 Family"])
    func acceptsPrintableNames(_ input: String) throws {
        #expect(try DisplayName(input).value == input)
    }

    @Test(arguments: ["evil\u{1b}[2Jname", "bell\u{07}", "line\nbreak", "c1\u{9b}31m", "rtl\u{202e}gnp.exe", "del\u{7f}"])
    func rejectsControlCharacters(_ input: String) {
        #expect {
            try DisplayName(input)
        } throws: { error in
            (error as? ValidationError)?.message.contains("control character") == true
        }
    }

    @Test func rejectsEmptyAndOverlong() {
        #expect(throws: ValidationError.self) { try DisplayName("   ") }
        #expect(throws: ValidationError.self) { try DisplayName(String(repeating: "x", count: 101)) }
        #expect(throws: Never.self) { try DisplayName(String(repeating: "x", count: 100)) }
    }

    @Test func parsesRolesAndPermissionsWithHelpfulErrors() throws {
        #expect(try Role.parse("Workspace Admin") == .workspaceAdmin)
        #expect(try Role.parse("AGENT") == .agent)
        #expect { try Role.parse("owner") } throws: { ($0 as? ValidationError)?.message.contains("unknown role 'owner'") == true }
        #expect { try Permission.parse("fly") } throws: { ($0 as? ValidationError)?.message.contains("unknown permission 'fly'") == true }
    }

    /// What was typed is quoted with its control characters visible, and named as four hex digits.
    @Test func messagesNeverCarryARawControlCharacter() {
        do {
            _ = try EmailAddress("ann\nBcc@example.com")
            Issue.record("accepted a line break")
        } catch {
            #expect(error.message.contains("'ann\\nbcc@example.com'") || error.message.contains("'ann\\nBcc@example.com'"))
            #expect(error.message.contains("character 'U+000A' not allowed before '@'"))
            #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
        #expect(ValidationError(field: "x", message: "a\u{1B}[2Jb").message == "a\\x1b[2Jb")
    }
}
