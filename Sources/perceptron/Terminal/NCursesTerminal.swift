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
    /// True when the next `draw` repaints every cell, not only what changed (after a resize,
    /// SIGCONT or Ctrl-L).
    private(set) var needsFullRepaint = false
    private var isClosed = false
    /// Set once the terminal has gone (end of file, EIO, POLLHUP): nothing is read from it again.
    private var hungUp = false
    /// Keys are read as bytes and decoded here, not by ncurses: its keypad mode knows only the
    /// sequences in terminfo and hands everything else over byte by byte (so ESC [ M space … read
    /// as Escape, then space), and it cannot tell a dead terminal from a timeout.
    private var decoder = InputDecoder()
    private let readBuffer = UnsafeMutableRawPointer.allocate(byteCount: readChunk, alignment: 16)
    /// When bytes last arrived (monotonic milliseconds): an unfinished sequence waits this long plus the escape delay.
    private var lastInputMilliseconds = 0

    private static let readChunk = 4096
    /// How long to wait for the rest of an escape sequence before taking ESC as the Escape key.
    private static let escapeDelayMilliseconds: Int32 = 25
    /// A batch stops growing here (the screen is drawn between batches even under an endless flood).
    private static let batchLimit = 64 * 1024

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
        readBuffer.deallocate()
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
        // No keypad mode: the decoder reads the terminal's own sequences (and the keypad is never
        // left in application mode). No typeahead check: ncurses would otherwise poll the input
        // in the middle of a refresh and postpone output while keys are waiting.
        typeahead(-1)
        _ = curs_set(0)
        disableFlowControl()
        TerminalSafety.mouseReportingOn()

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
                // One entry per character: a wide one covers two columns, its continuation none.
                var entries = 0
                var x = 0
                while x < columns {
                    let cell = cells[start + x]
                    if cell.style != lastStyle {
                        rendition = self.rendition(for: cell.style)
                        lastStyle = cell.style
                    }
                    let wide = x + 1 < columns && cells[start + x + 1].isContinuation && cell.character.columnWidth == 2
                    x += fillCharacters(cell.isContinuation ? " " : cell.character, wide: wide)
                    var pair = rendition.pair
                    _ = setcchar(row + entries, characters, rendition.attributes, 0, &pair)
                    entries += 1
                }
                // Writes the row without moving the cursor, so the bottom-right cell is no special case.
                _ = mvwadd_wchnstr(window, Int32(y), 0, row, Int32(entries))
            }
        }
        wrefresh(window)
    }

    /// Waits up to `timeoutMilliseconds` (negative: until something happens) for input, and returns
    /// everything that is waiting by then: every key already typed or pasted (so a flood is one
    /// batch, drawn once), a resize, or `.hangup` when the terminal is gone. Returns an empty list
    /// when the time is up, at once when a quit signal arrived (check `TerminalSafety.quitRequested`),
    /// and after SIGCONT (then `needsFullRepaint` is set: draw again). Bytes that are no key the
    /// program knows (Alt keys, X10 mouse and focus reports, other escape sequences) are dropped whole.
    func nextEvents(timeoutMilliseconds: Int) -> [TerminalEvent] {
        guard !isClosed, !hungUp else { return [] }
        let deadline = timeoutMilliseconds < 0 ? nil : Self.nowMilliseconds() + timeoutMilliseconds
        while true {
            if TerminalSafety.quitRequested { return [] }
            let suspended = TerminalSafety.takeSuspend()
            if suspended { suspend() }
            // After a suspension always: a process group without a parent shell is not stopped
            // (the kernel discards its SIGTSTP), and then no SIGCONT comes either.
            if TerminalSafety.takeContinue() || suspended {
                reenter()
                // The size may have changed while stopped, with no SIGWINCH for a stopped process.
                _ = TerminalSafety.takeResize()
                return resized().map { [$0] } ?? []
            }
            if TerminalSafety.takeResize(), let event = resized() { return [event] }
            var wait = deadline.map { max(0, $0 - Self.nowMilliseconds()) } ?? -1
            // A batch cut off by `batchLimit` may end in the middle of a sequence: finish it soon.
            let unfinished = decoder.isAwaitingMore
            if unfinished { wait = wait < 0 ? Int(Self.escapeDelayMilliseconds) : min(wait, Int(Self.escapeDelayMilliseconds)) }
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: TerminalSafety.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: wait))
            if ready < 0 && errno != EINTR && errno != EAGAIN { return hangUp([]) }
            if fds[1].revents != 0 { TerminalSafety.drainWakeUps() }
            if fds[0].revents != 0 {
                let events = readPendingInput()
                if !events.isEmpty { return events }
            } else if ready == 0 && unfinished
                        && Self.nowMilliseconds() - lastInputMilliseconds >= Int(Self.escapeDelayMilliseconds) {
                let events = decoder.flush()
                if !events.isEmpty { return events }
            }
            if let deadline, Self.nowMilliseconds() >= deadline { return [] }
        }
    }

    /// Paints the whole screen afresh on the next `draw` (Ctrl-L: anything may have written over it).
    func requestFullRepaint() {
        needsFullRepaint = true
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

    /// Reads every byte waiting on the terminal (and what follows within the escape delay when
    /// it stops mid-sequence), up to `batchLimit`, and decodes it.
    private func readPendingInput() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var total = 0
        while total < Self.batchLimit {
            let count = read(STDIN_FILENO, readBuffer, Self.readChunk)
            if count > 0 {
                total += count
                lastInputMilliseconds = Self.nowMilliseconds()
                events += decoder.feed(UnsafeRawBufferPointer(start: readBuffer, count: count))
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                return hangUp(events)  // End of file or EIO: the terminal is gone.
            }
            var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&input, 1, decoder.isAwaitingMore ? Self.escapeDelayMilliseconds : 0)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 {
                events += decoder.flush()
                break
            }
        }
        return events
    }

    private func hangUp(_ events: [TerminalEvent]) -> [TerminalEvent] {
        hungUp = true
        return events + [.hangup]
    }

    /// After SIGWINCH: tells ncurses the new size; nil if it did not change.
    private func resized() -> TerminalEvent? {
        var rows: Int32 = 0, columns: Int32 = 0
        guard cn_window_size(STDOUT_FILENO, &rows, &columns) == 0 else { return nil }
        let (width, height) = size
        guard Int(columns) != width || Int(rows) != height else { return nil }
        resizeterm(rows, columns)
        needsFullRepaint = true
        return .resize(width: Int(columns), height: Int(rows))
    }

    /// Ctrl-Z: gives the terminal back as it was, stops, and on SIGCONT is ready to take it again.
    private func suspend() {
        TerminalSafety.mouseReportingOff()
        endwin()
        TerminalSafety.stopProcess()
    }

    /// After SIGCONT (from `fg`, or an external `kill -CONT` after `kill -STOP`): the screen and the
    /// terminal modes may be anything. Leaving curses mode (if not left already) makes the next
    /// refresh enter it again completely: tty modes, alternate screen, hidden cursor, every cell.
    private func reenter() {
        if !isendwin() { endwin() }
        TerminalSafety.mouseReportingOn()
        needsFullRepaint = true
    }

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

    /// Fills `characters` with the cell's scalars, replacing what would break the grid (control
    /// characters, zero-width first characters, and wide ones unless `wide`, or when the C
    /// library disagrees about their width) with a visible substitute of the right width.
    /// Returns the columns it takes: 2 for a wide character, else 1.
    private func fillCharacters(_ character: Character, wide: Bool) -> Int {
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
        } else if first >= 0x300 && cn_wcwidth(first) != (wide ? 2 : 1) {
            characters[0] = 0x3f  // "?"
            characters[1] = 0
            // A wide cell the C library does not draw wide: "?", then its continuation as a blank.
            return 1
        }
        return wide ? 2 : 1
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
