import CNCurses
import Glibc
import TerminalUI

extension NCursesTerminal {
    /// A hidden self-check of the backend: colours, attributes, braille and box drawing, the last key
    /// and size. Keys: `q` quits, `e` writes a line to stderr (shown after exit), `!` simulates a crash,
    /// `x` calls exit(3) without closing (the atexit hook restores the terminal).
    /// Ends the process like the real loop should: status 0 on `q`, by the signal on SIGINT/TERM/HUP.
    static func demo() throws(TerminalError) -> Never {
        let terminal = try NCursesTerminal.open()
        var status = "no key yet"
        var (width, height) = terminal.size
        var frames = 0
        loop: while !TerminalSafety.quitRequested {
            frames += 1
            terminal.draw(demoFrame(width: width, height: height, status: status, frames: frames))
            guard let event = terminal.nextEvent(timeoutMilliseconds: -1) else { continue }
            switch event {
            case .key(.character("q")):
                break loop
            case .key(.character("e")):
                fputs("demo: a line written to stderr while curses was active\n", cn_stderr())
                status = "wrote to stderr"
            case .key(.character("!")):
                TerminalSafety.simulateCrashForTesting()
            case .key(.character("x")):
                exit(3)  // Without close(): the atexit hook must restore the terminal.
            case .key(let key):
                status = "key \(key)"
            case .resize(let newWidth, let newHeight):
                (width, height) = (newWidth, newHeight)
                status = "resized to \(newWidth)x\(newHeight)"
            }
        }
        terminal.close()
        TerminalSafety.exitForRequestedSignal()  // exit(0) when no signal asked us to quit
    }

    private static func demoFrame(width: Int, height: Int, status: String, frames: Int) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let orange = Color.rgb(230, 159, 0), blue = Color.rgb(0, 114, 178)
        buffer.write("┌─ perceptron terminal demo ─┐", x: 0, y: 0, style: Style(foreground: orange, attributes: .bold))
        buffer.write("│ braille ⣿⣷⣶⣤⣀ blocks █▓▒░ │", x: 0, y: 1, style: Style(foreground: blue))
        buffer.write("└────────────────────────────┘", x: 0, y: 2, style: Style(foreground: orange))
        buffer.write("bold", x: 0, y: 4, style: Style(attributes: .bold))
        buffer.write("dim", x: 5, y: 4, style: Style(attributes: .dim))
        buffer.write("italic", x: 9, y: 4, style: Style(attributes: .italic))
        buffer.write("underline", x: 16, y: 4, style: Style(attributes: .underline))
        buffer.write("reverse", x: 26, y: 4, style: Style(attributes: .reverse))
        buffer.write(" orange on blue ", x: 0, y: 5, style: Style(foreground: orange, background: blue))
        for x in 0..<min(width, 64) {
            let level = UInt8(x * 255 / 63)
            buffer.set(x, 6, "▀", style: Style(foreground: .rgb(level, 0, 255 - level), background: .rgb(0, level, 0)))
        }
        buffer.write("last: \(status)", x: 0, y: 8)
        buffer.write("size: \(width)x\(height)  frames: \(frames)", x: 0, y: 9)
        buffer.write("q quit · e write to stderr · ! simulated crash", x: 0, y: 10)
        buffer.set(width - 1, height - 1, "┘", style: Style(foreground: orange))
        return buffer
    }
}
