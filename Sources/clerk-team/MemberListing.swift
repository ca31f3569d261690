import TeamCore

/// `members list --filter --sort`: the same matching and orders as the
/// interface's member list (``SearchKey`` folding); equals stay in name order.
enum MemberListing {
    static func arrange(_ members: [MemberSummary], filter: String?, sort: MemberSort) -> [MemberSummary] {
        var rows = members
        if let filter, !filter.isEmpty {
            let needle = SearchKey.fold(filter)
            rows = rows.filter {
                SearchKey.fold($0.member.name).contains(needle) || $0.member.email.value.contains(needle)
            }
        }
        // The store lists by name already; other orders keep that order among equals.
        guard sort != .name else { return rows }
        return rows.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.member, rhs.element.member)
            switch sort {
            case .name: break
            case .email: if a.email != b.email { return a.email < b.email }
            case .role: if a.role.rank != b.role.rank { return a.role.rank > b.role.rank }
            case .status: if a.status != b.status { return a.status == .active }
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
