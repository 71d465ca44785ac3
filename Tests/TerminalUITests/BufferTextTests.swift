import XCTest
import TerminalUI

final class BufferTextTests: XCTestCase {
    private let esc = "\u{1B}"

    /// A 2×2 buffer: "AB" bold red, then "C" plain and "D" on blue.
    private func sample() -> Buffer {
        var buffer = Buffer(width: 2, height: 2)
        let red = Style(foreground: .rgb(255, 0, 0), attributes: .bold)
        buffer.set(0, 0, "A", style: red)
        buffer.set(1, 0, "B", style: red)
        buffer.set(0, 1, "C")
        buffer.set(1, 1, "D", style: Style(background: .rgb(0, 0, 255)))
        return buffer
    }

    func testTrueColor() {
        XCTAssertEqual(sample().ansiText(colorMode: .trueColor),
                       "\(esc)[0;1;38;2;255;0;0mAB\(esc)[0m\nC\(esc)[0;48;2;0;0;255mD\(esc)[0m")
    }

    func testPalette256() {
        XCTAssertEqual(sample().ansiText(colorMode: .palette256),
                       "\(esc)[0;1;38;5;196mAB\(esc)[0m\nC\(esc)[0;48;5;21mD\(esc)[0m")
    }

    func testPalette8() {
        XCTAssertEqual(sample().ansiText(colorMode: .palette8),
                       "\(esc)[0;1;31mAB\(esc)[0m\nC\(esc)[0;44mD\(esc)[0m")
    }

    func testNoColorKeepsAttributesOnly() {
        XCTAssertEqual(sample().ansiText(colorMode: .none), "\(esc)[0;1mAB\(esc)[0m\nCD")
    }

    func testBytesExactly() {
        let bytes = Array(sample().ansiText(colorMode: .palette8).utf8)
        XCTAssertEqual(bytes, [0x1B, 0x5B, 0x30, 0x3B, 0x31, 0x3B, 0x33, 0x31, 0x6D, 0x41, 0x42, 0x1B, 0x5B, 0x30, 0x6D, 0x0A,
                               0x43, 0x1B, 0x5B, 0x30, 0x3B, 0x34, 0x34, 0x6D, 0x44, 0x1B, 0x5B, 0x30, 0x6D])
    }

    func testStyleChangesOnlyWhereTheyShow() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.write("ab", x: 0, y: 0, style: Style(foreground: .rgb(200, 0, 0)))
        buffer.write("c", x: 2, y: 0, style: Style(foreground: .rgb(180, 10, 10))) // same 8-colour red
        buffer.write("d", x: 3, y: 0)
        XCTAssertEqual(buffer.ansiText(colorMode: .palette8), "\(esc)[0;31mabc\(esc)[0md")
        XCTAssertEqual(buffer.ansiText(colorMode: .trueColor),
                       "\(esc)[0;38;2;200;0;0mab\(esc)[0;38;2;180;10;10mc\(esc)[0md")
    }

    func testStyledTrailingBlanksAreKept() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.set(0, 0, "x")
        buffer.set(1, 0, " ", style: Style(attributes: .reverse))
        XCTAssertEqual(buffer.ansiText(colorMode: .none), "x\(esc)[0;7m \(esc)[0m")
    }

    func testAllAttributeCodes() {
        var buffer = Buffer(width: 1, height: 1)
        buffer.set(0, 0, "z", style: Style(attributes: [.bold, .dim, .italic, .underline, .reverse]))
        XCTAssertEqual(buffer.ansiText(colorMode: .none), "\(esc)[0;1;2;3;4;7mz\(esc)[0m")
    }

    func testPlainText() {
        var buffer = Buffer(width: 4, height: 3)
        buffer.write("ab", x: 1, y: 0)
        buffer.write("c", x: 3, y: 2)
        XCTAssertEqual(buffer.plainText, " ab\n\n   c")
        XCTAssertEqual(Buffer(width: 0, height: 0).plainText, "")
    }

    func testStyleDump() {
        var buffer = Buffer(width: 4, height: 2)
        buffer.write("abc", x: 0, y: 0)
        buffer.setStyle(1, 0, Style(foreground: Color(hex: "#56B4E9")!, attributes: [.bold, .underline]))
        buffer.setStyle(3, 1, Style(foreground: .rgb(0, 0, 0), background: .rgb(255, 255, 255)))
        XCTAssertEqual(buffer.styleDump, """
            "abc "
            "    "
            styles:
            x=1 y=0 fg=#56B4E9 bold|underline
            x=2 y=0 plain
            x=3 y=1 fg=#000000 bg=#FFFFFF
            """)
    }
}
