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
}
