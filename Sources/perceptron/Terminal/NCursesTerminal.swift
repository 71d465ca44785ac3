import CNCurses
import Glibc
import TerminalUI

/// Why the terminal could not be opened. `description` is one line meant for the user; callers print
/// it to stderr and exit with status 2.
enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, or no terminal at all).
    case notATerminal(stream: String)
    /// TERM is unset or empty.
    case termNotSet
    /// ncurses has no description for this TERM.
    case unknownTerminal(String)
    /// The terminal cannot position the cursor (e.g. TERM=dumb).
    case unsupportedTerminal(String)

    var description: String {
        switch self {
        case .notATerminal(let stream):
            "\(stream) is not a terminal"
        case .termNotSet:
            "TERM is not set; set it to your terminal type (for example TERM=xterm-256color)"
        case .unknownTerminal(let term):
            "unknown terminal type '\(term)' (no terminfo entry); try TERM=xterm-256color"
        case .unsupportedTerminal(let term):
            "terminal type '\(term)' cannot position the cursor; try TERM=xterm-256color"
        }
    }
}

/// The ncurses backend: puts a `Buffer` on the screen and reads keys and resizes.
///
/// Deliberately not `Sendable`: ncurses keeps process-wide state and must be driven from one thread,
/// so an instance stays on the thread that opened it (in practice the main thread, where the frame
/// loop runs). Being non-Sendable, the compiler refuses to let it cross to another isolation domain.
/// The signal-facing state lives in `TerminalSafety` as atomics.
final class NCursesTerminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var palette: TerminalPalette
    /// Style → (attributes, colour pair), computed once per distinct style.
    private var renditions: [Style: Rendition] = [:]
    /// (foreground index, background index) → colour pair number, allocated on demand.
    private var pairs: [ColorPairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    /// One row of cells handed to `mvwadd_wchnstr`, grown as needed.
    private var row: UnsafeMutablePointer<cchar_t>
    private var rowCapacity: Int
    /// A zero-terminated wide string for `setcchar`: a spacing character and up to 4 combining ones.
    private let characters = UnsafeMutablePointer<wchar_t>.allocate(capacity: 6)
    private var needsFullRepaint = false
    private var isClosed = false

    /// How long one `wget_wch` may block when the caller asked to wait forever. A quit signal
    /// interrupts the wait at once; the slice only bounds the tiny window in which a signal lands
    /// between checking `TerminalSafety.quitRequested` and starting to wait.
    private static let blockingSliceMilliseconds = 500

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, palette: TerminalPalette) {
        self.screen = screen
        self.window = window
        self.palette = palette
        rowCapacity = 256
        row = .allocate(capacity: rowCapacity)
        row.initialize(repeating: cchar_t(), count: rowCapacity)
        characters.initialize(repeating: 0, count: 6)
    }

    deinit {
        close()
        row.deallocate()
        characters.deallocate()
    }

    /// Takes over the terminal (alternate screen, no echo, keys unbuffered, cursor hidden) and
    /// installs the signal and crash handlers that give it back on every way out.
    /// Throws `TerminalError` when stdin/stdout is not a usable terminal.
    static func open() throws(TerminalError) -> NCursesTerminal {
        setlocale(LC_ALL, "")
        // Braille and box drawing need a UTF-8 locale. Terminals are UTF-8 nearly everywhere, but
        // containers and CI often have no locale set at all ("C"): fall back to C.UTF-8 for LC_CTYPE.
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "standard output") }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw .termNotSet
        }

        TerminalSafety.install()
        guard let screen = cn_newterm_stdio() else {
            TerminalSafety.uninstall()
            throw .unknownTerminal(term)
        }
        guard cn_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(screen)
            TerminalSafety.uninstall()
            throw .unsupportedTerminal(term)
        }
        TerminalSafety.cursesDidStart()

        let window = cn_stdscr()!
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        _ = curs_set(0)
        set_escdelay(25)
        disableFlowControl()

        var palette = TerminalPalette(depth: .monochrome, hasDefaultColors: false)
        if has_colors() {
            start_color()
            let hasDefaults = use_default_colors() == OK
            palette = TerminalPalette(colorCount: Int(cn_colors()), hasDefaultColors: hasDefaults)
        }
        return NCursesTerminal(screen: screen, window: window, palette: palette)
    }

    /// The terminal's size in cells.
    var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Puts `buffer` on the screen: every cell is written, then the screen is refreshed once
    /// (ncurses sends only what changed). Cells outside the terminal are clipped; if the buffer is
    /// smaller than the terminal, the rest is blank.
    func draw(_ buffer: Buffer) {
        guard !isClosed else { return }
        let (width, height) = size
        if needsFullRepaint {
            needsFullRepaint = false
            wclear(window)  // After a resize the real screen is in an unknown state: repaint it all.
        } else if buffer.width < width || buffer.height < height {
            werase(window)
        }
        let columns = min(width, buffer.width)
        let rows = min(height, buffer.height)
        guard columns > 0, rows > 0 else {
            wrefresh(window)
            return
        }
        if columns > rowCapacity {
            row.deallocate()
            rowCapacity = columns
            row = .allocate(capacity: rowCapacity)
            row.initialize(repeating: cchar_t(), count: rowCapacity)
        }
        var lastStyle: Style?
        var rendition = Rendition(attributes: 0, pair: 0)
        buffer.cells.withUnsafeBufferPointer { cells in
            for y in 0..<rows {
                let start = y * buffer.width
                for x in 0..<columns {
                    let cell = cells[start + x]
                    if cell.style != lastStyle {
                        rendition = self.rendition(for: cell.style)
                        lastStyle = cell.style
                    }
                    fillCharacters(cell.character)
                    var pair = rendition.pair
                    _ = setcchar(row + x, characters, rendition.attributes, 0, &pair)
                }
                // Writes the row without moving the cursor, so the bottom-right cell is no special case.
                _ = mvwadd_wchnstr(window, Int32(y), 0, row, Int32(columns))
            }
        }
        wrefresh(window)
    }

    /// Waits up to `timeoutMilliseconds` (negative: until something happens) for a key or a resize.
    /// Returns nil when the time is up, or at once when a quit signal arrived
    /// (check `TerminalSafety.quitRequested`). Keys the program has no name for are skipped.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        guard !isClosed else { return nil }
        let deadline = timeoutMilliseconds < 0 ? nil : Self.nowMilliseconds() + timeoutMilliseconds
        while true {
            if TerminalSafety.quitRequested { return nil }
            let wait: Int
            if let deadline {
                wait = max(0, deadline - Self.nowMilliseconds())
            } else {
                wait = Self.blockingSliceMilliseconds
            }
            wtimeout(window, Int32(clamping: wait))
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE {
                    needsFullRepaint = true
                    let (width, height) = size
                    return .resize(width: width, height: height)
                }
                if let key = Self.decodeKeyCode(Int32(character)) { return .key(key) }
            } else if result == OK {
                if let key = Self.decodeCharacter(UInt32(character)) { return .key(key) }
            }
            // ERR: timed out, or interrupted by a signal. Unknown keys fall through as well.
            if let deadline, Self.nowMilliseconds() >= deadline { return nil }
        }
    }

    /// Gives the terminal back (leaves the alternate screen, shows the cursor, restores modes),
    /// prints anything written to stderr meanwhile, and removes the signal handlers. Idempotent.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        TerminalSafety.restoreTerminal()
        TerminalSafety.uninstall()
    }

    // MARK: Private

    private struct Rendition {
        var attributes: attr_t
        var pair: Int32
    }

    private struct ColorPairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private func rendition(for style: Style) -> Rendition {
        if let cached = renditions[style] { return cached }
        var attributes = cn_a_normal()
        if style.attributes.contains(.bold) { attributes |= cn_a_bold() }
        if style.attributes.contains(.dim) { attributes |= cn_a_dim() }
        if style.attributes.contains(.italic) { attributes |= cn_a_italic() }
        if style.attributes.contains(.underline) { attributes |= cn_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= cn_a_reverse() }
        var pair: Int32 = 0
        if palette.depth != .monochrome {
            let key = ColorPairKey(
                foreground: palette.index(of: style.foreground, foreground: true),
                background: palette.index(of: style.background, foreground: false))
            pair = colorPair(for: key)
        }
        let result = Rendition(attributes: attributes, pair: pair)
        renditions[style] = result
        return result
    }

    private func colorPair(for key: ColorPairKey) -> Int32 {
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        // Out of pairs: fall back to the default colours rather than recycle a pair on screen.
        guard nextPair < cn_color_pairs(), init_extended_pair(nextPair, key.foreground, key.background) == OK else {
            return 0
        }
        pairs[key] = nextPair
        nextPair += 1
        return nextPair - 1
    }

    /// Fills `characters` with the cell's scalars, replacing what would break the one-cell grid
    /// (control characters, wide or zero-width first characters) with a visible substitute.
    private func fillCharacters(_ character: Character) {
        var count = 0
        for scalar in character.unicodeScalars {
            guard count < 5 else { break }
            characters[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        characters[count] = 0
        let first = characters[0]
        if first < 0x20 || (first >= 0x7f && first < 0xa0) {
            characters[0] = 0x20
            characters[1] = 0
        } else if first >= 0x300 && cn_wcwidth(first) != 1 {
            characters[0] = 0x3f  // "?"
            characters[1] = 0
        }
    }

    /// Turns off XON/XOFF so Ctrl-S does not freeze the output (cbreak keeps it; endwin restores it).
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &modes) == 0 else { return }
        def_prog_mode()
    }

    private static func nowMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }

    static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 13, 10: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value + 96))))
        case 0: return .control("@")
        case 28...31: return .control(Character(Unicode.Scalar(UInt8(value + 64))))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // Shift-← / Shift-→: terminfo's kLFT / kRIT, which xterm and tmux send as ESC[1;2D / ESC[1;2C.
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case cn_key_f(1)...cn_key_f(12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}

/// The colours the terminal offers and the nearest match for each requested colour
/// (the mapping itself is TerminalUI's, so `perceptron frame`'s ANSI output agrees with the screen).
struct TerminalPalette: Sendable {
    enum Depth: Sendable {
        case monochrome, eight, xterm256
    }

    let depth: Depth
    /// Whether colour -1 ("the terminal's own default") is available (use_default_colors).
    let hasDefaultColors: Bool

    init(depth: Depth, hasDefaultColors: Bool) {
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
    }

    init(colorCount: Int, hasDefaultColors: Bool) {
        let depth: Depth =
            switch colorCount {
            case 256...: .xterm256
            case 8...: .eight
            default: .monochrome
            }
        self.init(depth: depth, hasDefaultColors: hasDefaultColors)
    }

    /// The colour number to give ncurses; -1 is the terminal's default.
    func index(of color: Color, foreground: Bool) -> Int32 {
        switch color {
        case .default:
            return hasDefaultColors ? -1 : (foreground ? 7 : 0)
        case .rgb(let red, let green, let blue):
            switch depth {
            case .xterm256: return Int32(Color.xterm256Index(red: red, green: green, blue: blue))
            case .eight: return Int32(Color.ansi8Index(red: red, green: green, blue: blue))
            case .monochrome: return -1
            }
        }
    }
}
