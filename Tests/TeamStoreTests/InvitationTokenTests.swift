import Foundation
import Testing
@testable import TeamStore

@Suite(.timeLimit(.minutes(10))) struct InvitationTokenTests {
    @Test func tokensAre52Base32CharactersCarrying32RandomBytes() {
        let token = InvitationToken.generate()
        #expect(token.text.count == 52)
        #expect(token.text.allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
        #expect(InvitationToken.base32Decode(token.text)?.count == 32)
        #expect(InvitationToken.base32(InvitationToken.base32Decode(token.text) ?? []) == token.text)
    }

    @Test func tokensDoNotRepeatAndTheirBitsAreBalanced() {
        let tokens = (0..<2_000).map { _ in InvitationToken.generate().text }
        #expect(Set(tokens).count == tokens.count)
        // 2000 x 256 bits: each bit position should be set close to half the time.
        var ones = [Int](repeating: 0, count: 256)
        for token in tokens {
            for (index, byte) in (InvitationToken.base32Decode(token) ?? []).enumerated() {
                for bit in 0..<8 where byte & (1 << bit) != 0 { ones[index * 8 + bit] += 1 }
            }
        }
        // Binomial(2000, 0.5): sd ~ 22; 6 sd either side is far beyond chance.
        #expect(ones.allSatisfy { (868...1132).contains($0) }, "\(ones.min() ?? 0)...\(ones.max() ?? 0)")
        let total = ones.reduce(0, +)
        #expect(abs(Double(total) / Double(2_000 * 256) - 0.5) < 0.01)
    }

    @Test func theStoredHashIsSHA256OfTheText() {
        // FIPS 180-2 test vector.
        #expect(InvitationToken.sha256(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let token = InvitationToken.generate()
        #expect(token.hash == InvitationToken.sha256(Array(token.text.utf8)))
        #expect(token.hash.count == 32)
    }

    @Test func typedTokensForgiveCaseAndSpacesButNothingElse() {
        let token = InvitationToken.generate()
        #expect(InvitationToken.parse(" " + token.text.uppercased() + "\n") == token)
        #expect(InvitationToken.parse(String(token.text.dropLast())) == nil)
        #expect(InvitationToken.parse(String(token.text.dropLast()) + "1") == nil)
        #expect(InvitationToken.parse("") == nil)
    }
}
