import CNCurses
import TermUI

/// Maps style roles to colour pairs and attributes; without colour (no
/// support, or `NO_COLOR`), to bold, reverse, underline and dim only.
struct Palette {
    let colours: Bool
    let manyColours: Bool

    /// Pair numbers are the role's raw value + 1 (pair 0 is the default).
    func install() {
        guard colours else { return }
        for role in StyleRole.allCases {
            let (fg, bg) = colourPair(role)
            init_pair(Int16(role.rawValue) + 1, fg, bg)
        }
    }

    func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = style.bold ? clerk_a_bold() : clerk_a_normal()
        guard colours else {
            switch style.role {
            case .header: attributes |= clerk_a_reverse() | clerk_a_bold()
            case .selection: attributes |= clerk_a_reverse()
            case .selectionInactive: attributes |= clerk_a_underline()
            case .muted: attributes |= clerk_a_dim()
            case .accent, .danger: attributes |= clerk_a_bold()
            case .normal, .success, .warning, .border: break
            }
            return (attributes, 0)
        }
        switch style.role {
        case .header, .accent, .danger: attributes |= clerk_a_bold()
        case .muted where !manyColours: attributes |= clerk_a_dim()
        default: break
        }
        return (attributes, Int16(style.role.rawValue) + 1)
    }

    private func colourPair(_ role: StyleRole) -> (Int16, Int16) {
        let black: Int16 = 0, red: Int16 = 1, green: Int16 = 2, yellow: Int16 = 3, blue: Int16 = 4
        let cyan: Int16 = 6, white: Int16 = 7, none: Int16 = -1
        switch role {
        case .normal: return (none, none)
        case .header: return (black, cyan)
        case .selection: return (black, cyan)
        case .selectionInactive: return (black, white)
        case .muted: return (manyColours ? 8 : none, none)
        case .accent: return (yellow, none)
        case .danger: return (red, none)
        case .success: return (green, none)
        case .warning: return (yellow, none)
        case .border: return (blue, none)
        }
    }
}
