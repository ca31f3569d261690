import JSONText
import Testing
import TermText

@Suite(.timeLimit(.minutes(10))) struct JSONTextTests {
    @Test func jsonEscapesEverythingATerminalWouldActOn() {
        let quoted = JSONText.quote("a\u{1b}b\u{9b}c\u{202e}d\"e\\f\n")
        #expect(quoted == #""a\u001bb\u009bc\u202ed\"e\\f\n""#)
        #expect(!quoted.unicodeScalars.contains(where: TerminalText.isUnsafe))
    }

    @Test func jsonValueRendersKeysInOrder() {
        let value = JSONText.Value.object([("z", .int(1)), ("a", .array([.bool(true), .null, .string("x")]))])
        #expect(value.rendered() == #"{"z":1,"a":[true,null,"x"]}"#)
    }
}
