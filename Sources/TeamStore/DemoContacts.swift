import TeamCore

/// The demo's billing plan, contact properties and contacts, so that
/// `modify-billing`, `update-property` and `update-contact` can be tried at
/// once. Made through `perform` (guarded, audited) as the demo's workspace-admin.
extension SQLiteWorkspace {
    /// People from many countries, each with a number libphonenumber counts as valid.
    static let demoContacts: [(phone: String, name: String, company: String?, tier: String?, renewal: String?, orders: String?)] = [
        ("+14155550150", "Maya Thompson", "Golden Gate Bikes", "gold", "2027-03-01", "42"),
        ("+442079460101", "Siobhán Ní Bhriain", "Ceol Records", "silver", "2027-01-15", "7"),
        ("+61255501234", "Jack O'Connell", "Harbour Tours", "bronze", nil, "3"),
        ("+4930901820", "Jürgen Weiß", "Spreewald Feinkost", "gold", "2026-12-31", "118"),
        ("+33142685300", "Élodie Marchand", "Atelier Lumière", "silver", nil, "19"),
        ("+81312345678", "山田 花子", "さくら商事", "gold", "2027-04-01", "64"),
        ("+5511955550101", "João Conceição", "Café Paulista", nil, nil, "5"),
        ("+919876543210", "प्रिया शर्मा", "Shakti Textiles", "silver", "2027-06-30", "23"),
        ("+34612345678", "Begoña Núñez", "Olivos del Sur", "bronze", nil, nil),
        ("+525512345678", "Xóchitl Hernández", "Mercado Azul", nil, "2027-02-14", "11"),
        ("+2348031234567", "Chidinma Okafor", "Lagos Logistics", "gold", "2027-05-20", "87"),
        ("+821012345678", "김민준", "한강 전자", "silver", nil, "31"),
        ("+201012345678", "محمد عبد الله", "Nile Spices", nil, nil, "2"),
        ("+79123456789", "Анастасия Смирнова", "Урал Сталь", "bronze", "2027-08-01", "9"),
        ("+8613800138000", "王伟", "长江贸易", "gold", "2027-09-09", "256"),
        ("+353851234567", "Aoife Ó Súilleabháin", nil, nil, nil, nil),
        ("+46701234567", "Åsa Lindström", "Fjällräven Fika", "silver", nil, "14"),
        ("+905321234567", "Çağrı Öztürk", "Boğaziçi Halı", "bronze", "2027-03-31", "6"),
        ("+966501234567", "فاطمة الزهراء", "Red Sea Dates", nil, nil, "13"),
        ("+27821234567", "Thandiwe Nkosi", "Ubuntu Crafts", "gold", "2027-07-07", "40"),
        ("+358401234567", "Väinö Mäkinen", "Sauna Works", nil, nil, "1"),
        ("+306912345678", "Γιώργος Παπαδόπουλος", "Aegean Olive Co.", "silver", "2027-10-10", "27"),
        ("+48512345678", "Zbigniew Łukasiewicz", "Wisła Meble", "bronze", nil, "8"),
        ("+84912345678", "Nguyễn Thị Hương", "Saigon Silk", "gold", "2027-01-01", "55"),
        ("+6281234567890", "Putu Ayu Lestari", "Bali Batik", nil, nil, "4"),
        ("+639171234567", "Ma. Cristina Dela Cruz", "Manila Mangoes", "silver", nil, "17"),
        ("+972501234567", "נועה כהן", "Galilee Tech", "gold", "2027-11-30", "73"),
        ("+64211234567", "Aroha Ngata", "Kiwi Kayaks", nil, nil, "10"),
        ("+351912345678", "Conceição Gonçalves", "Porto Vinhos", "bronze", "2027-02-28", "12"),
        ("+393123456789", "Niccolò Ferrì", "Trattoria Da Nico", "silver", nil, "21"),
        ("+31612345678", "Daan de Vries", "Tulip Transport", nil, "2027-04-27", "15"),
    ]

    /// Plan, seat limit (room above the members and pending invitations), properties, contacts.
    func addDemoBillingAndContacts() throws {
        let usage = try reading { try seatUsage(now: now(), counting: true) }
        let limit = (usage.taken / 10 + 2) * 10
        _ = try perform(.setBilling(BillingUpdate(plan: try DisplayName("Business", field: "plan"), seatLimit: .some(limit),
                                                  contact: try EmailAddress("billing@demo.example"))))
        _ = try perform(.addProperty(name: try PropertyValues.name("Company"), type: .text, choices: []))
        _ = try perform(.addProperty(name: try PropertyValues.name("Tier"), type: .choice, choices: ["gold", "silver", "bronze"]))
        _ = try perform(.addProperty(name: try PropertyValues.name("Renewal"), type: .date, choices: []))
        _ = try perform(.addProperty(name: try PropertyValues.name("Orders"), type: .number, choices: []))
        let rows = try Self.demoContacts.enumerated().map { index, entry in
            let values = [("Company", entry.company), ("Tier", entry.tier), ("Renewal", entry.renewal), ("Orders", entry.orders)]
                .compactMap { name, value in value.map { PropertyAssignment(property: name, value: $0) } }
            return ContactRow(line: index + 1, phone: try PhoneNumber(entry.phone), name: try DisplayName(entry.name), values: values)
        }
        let report = try importContacts(rows, dryRun: false)
        guard report.applied else {
            throw TeamError.storage("the demo contacts could not be added: \(report.errors.map(\.description).joined(separator: "; "))")
        }
    }
}
