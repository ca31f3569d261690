import TeamCore

/// The demo's conversations: threads in public and private inboxes, in
/// several languages and scripts (emoji and CJK too), one long enough to
/// scroll, so `view-messages` and `delete-messages` can be tried at once and
/// `--view-as agent` shows only the public inboxes' threads.
extension SQLiteWorkspace {
    /// (inbox, contact, [(direction, minutes before now, text)]); "out" is sent by a member of the inbox.
    static let demoThreads: [(String, String, [(MessageDirection, Int, String)])] = [
        ("+14155550100", "+14155550123", [
            (.incoming, 300, "Hi, my order #4417 hasn't arrived yet. Can you check?"),
            (.outgoing, 290, "Sorry about that! It left our warehouse yesterday and should be with you tomorrow."),
            (.incoming, 120, "Great, thanks 👍"),
        ]),
        ("+14155550100", "+447911123456", [
            (.incoming, 2_000, "Hello, do you ship to the UK?"),
            (.outgoing, 1_990, "We do: 3 to 5 working days, tracked."),
        ]),
        ("+14155550101", "+14155550145", [
            (.incoming, 900, "Could I get a quote for 40 seats?"),
            (.outgoing, 880, "Of course. Annual or monthly billing?"),
            (.incoming, 860, "Annual, please. And is there a discount for non-profits?"),
        ]),
        ("+4930901820", "+4915112345678", [
            (.incoming, 600, "Guten Tag, ist die Lieferung nach München kostenlos?"),
            (.outgoing, 590, "Ja, ab 50 € Bestellwert ist der Versand kostenlos. Schöne Grüße!"),
        ]),
        ("+442071838750", "+447400123456", [
            (.incoming, 45, "Running 10 minutes late for our 3pm, sorry!"),
        ]),
        ("+14155550190", "+14155550167", [
            (.incoming, 200, "Dana, it's Priya: contract signed, sending it over tonight."),
            (.outgoing, 195, "Wonderful news, thank you Priya!"),
        ]),
        ("+14155550191", "+14155550188", [
            (.incoming, 30, "This is the third time I've asked for a refund. Please escalate."),
            (.outgoing, 25, "I've escalated it to our billing lead; you'll hear from us today."),
        ]),
        ("+819012345678", "+819098765432", [
            (.incoming, 400, "こんにちは。予約の変更をお願いできますか？"),
            (.outgoing, 390, "かしこまりました。ご希望の日時を教えてください 🙂"),
            (.incoming, 380, "来週の火曜日、午後3時でお願いします。"),
        ]),
    ]

    func fillDemoMessages() throws {
        let senders = try db.all("SELECT email FROM members WHERE status = 'active' ORDER BY id LIMIT 4") { $0.text(0) }
        guard !senders.isEmpty else { return }
        let minute: Int64 = 60
        var count = 0
        func insert(_ inboxID: Int64, _ contact: String, _ direction: MessageDirection, _ at: Int64, _ text: String) throws {
            let by: String? = direction == .outgoing ? senders[count % senders.count] : nil
            try db.run("INSERT INTO messages (inbox_id, contact, direction, at, body, sent_by) VALUES (?, ?, ?, ?, ?, ?)",
                       [inboxID, contact, direction.rawValue, at, text, by])
            count += 1
        }
        let now = self.now().seconds
        for (phone, contact, messages) in Self.demoThreads {
            guard let inbox = try inboxRow(phone: PhoneNumber(stored: phone)) else { continue }
            for (direction, ago, text) in messages {
                try insert(inbox.id, contact, direction, now - Int64(ago) * minute, text)
            }
        }
        // A long thread in Support, to scroll through.
        if let support = try inboxRow(phone: PhoneNumber(stored: "+14155550100")) {
            for index in 0..<60 {
                let direction: MessageDirection = index % 3 == 2 ? .outgoing : .incoming
                let text = direction == .incoming
                    ? "Update \(index + 1) on ticket 2290: the courier scanned the parcel at depot \(index % 7 + 1)."
                    : "Thanks, noted on the ticket."
                try insert(support.id, "+14155550177", direction, now - Int64(5_000 - index * 60) * minute, text)
            }
        }
    }
}
