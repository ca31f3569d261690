/// "1 member", "2 members": every count in a message goes through this, so
/// no message says "1 members" or "member(s)".
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
