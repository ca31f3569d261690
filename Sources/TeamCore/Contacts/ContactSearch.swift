import Foundation

/// The contact filter of the CLI (`--filter`) and the interface (`/`): a
/// contact matches when every word of the query is in its name, its number
/// (typed with or without spaces and dashes) or one of its values, ignoring
/// case and accents (`sio` finds Siobhán).
public enum ContactSearch {
    public static func matches(_ contact: Contact, _ query: String) -> Bool {
        let words = SearchKey.fold(query).split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return true }
        let haystack = key(contact)
        return words.allSatisfy { word in
            haystack.contains(word) || haystack.contains(word.filter { $0 != "-" && $0 != "(" && $0 != ")" })
        }
    }

    /// Everything a filter looks at, folded once.
    public static func key(_ contact: Contact) -> String {
        SearchKey.fold(([contact.name, contact.phone.value] + contact.values.map(\.value)).joined(separator: "\u{1F}"))
    }
}
