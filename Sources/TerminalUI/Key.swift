/// A key press, decoded from the terminal by the backend; pure so `update` can take it as a message.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    /// Shift-← and Shift-→.
    case shiftLeft, shiftRight
    case enter, escape, backspace, tab
    case pageUp, pageDown, home, end
    /// F1…F12.
    case function(Int)
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
}

/// What the terminal reports besides keys.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// The terminal is gone (end of file, an I/O error or a hangup on it): as good as SIGHUP.
    case hangup
    /// A mouse button or the wheel, reported by a terminal in SGR mouse mode.
    case mouse(MouseEvent)
}

/// A mouse report: what happened, where (0-based cell), and the keys held.
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case press(MouseButton)
        case release(MouseButton)
        case wheelUp, wheelDown
    }

    public var action: Action
    public var x: Int
    public var y: Int
    public var modifiers: MouseModifiers

    public init(_ action: Action, x: Int, y: Int, modifiers: MouseModifiers = []) {
        self.action = action
        self.x = x
        self.y = y
        self.modifiers = modifiers
    }
}

public enum MouseButton: Hashable, Sendable {
    case left, middle, right
}

public struct MouseModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let shift = MouseModifiers(rawValue: 1)
    public static let alt = MouseModifiers(rawValue: 2)
    public static let control = MouseModifiers(rawValue: 4)
}
