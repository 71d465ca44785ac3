import XCTest
import TerminalUI

final class BlockTests: XCTestCase {
    func testPlainBorderWithTitle() {
        var buffer = Buffer(width: 10, height: 3)
        let inner = Block(title: "Loss").render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines, [
            "┌ Loss ──┐",
            "│        │",
            "└────────┘",
        ])
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 8, height: 1))
    }

    func testRoundedAndASCII() {
        var buffer = Buffer(width: 8, height: 3)
        Block(title: "W", kind: .rounded).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines, ["╭ W ───╮", "│      │", "╰──────╯"])
        var ascii = Buffer(width: 8, height: 3)
        Block(title: "W", kind: .rounded, glyphs: .ascii).render(into: &ascii, area: ascii.area)
        XCTAssertEqual(ascii.lines, ["+ W ---+", "|      |", "+------+"])
    }

    func testTitleIsShortenedWithEllipsis() {
        var buffer = Buffer(width: 8, height: 2)
        Block(title: "Weights").render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines, ["┌ Wei… ┐", "└──────┘"])
        var ascii = Buffer(width: 8, height: 2)
        Block(title: "Weights", glyphs: .ascii).render(into: &ascii, area: ascii.area)
        XCTAssertEqual(ascii.lines, ["+ Wei~ +", "+------+"])
    }

    func testCenteredAndRightTitles() {
        var buffer = Buffer(width: 12, height: 2)
        Block(title: "ab", titleAlignment: .center).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines[0], "┌─── ab ───┐")
        Block(title: "ab", titleAlignment: .right).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines[0], "┌────── ab ┐")
    }

    func testStylesOfBorderAndTitle() {
        var buffer = Buffer(width: 8, height: 2)
        let border = Style(foreground: .rgb(1, 2, 3))
        let title = Style(foreground: .rgb(9, 9, 9), attributes: .bold)
        Block(title: "T", borderStyle: border, titleStyle: title).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer[0, 0].style, border)
        XCTAssertEqual(buffer[1, 0].style, border)
        XCTAssertEqual(buffer[2, 0].style, title)
        XCTAssertEqual(buffer[3, 0].style, border)
        XCTAssertEqual(buffer[7, 1].style, border)
    }

    func testPartialBorders() {
        var buffer = Buffer(width: 6, height: 3)
        let inner = Block(title: "x", borders: [.top]).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines, [" x ───", "      ", "      "])
        XCTAssertEqual(inner, Rect(x: 0, y: 1, width: 6, height: 2))
    }

    func testFillStyleClearsTheArea() {
        var buffer = Buffer(width: 4, height: 3, fill: Cell("z"))
        let fill = Style(background: .rgb(0, 0, 40))
        Block(fillStyle: fill).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines, ["┌──┐", "│  │", "└──┘"])
        XCTAssertEqual(buffer[1, 1].style, fill)
    }

    func testTinyAndOffscreenAreasNeverTrap() {
        var buffer = Buffer(width: 5, height: 3)
        let block = Block(title: "Title")
        for area in [Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 0, y: 0, width: 1, height: 1),
                     Rect(x: 0, y: 0, width: 2, height: 1), Rect(x: 0, y: 0, width: 1, height: 3),
                     Rect(x: -3, y: -1, width: 6, height: 3), Rect(x: 3, y: 2, width: 40, height: 40),
                     Rect(x: 100, y: 100, width: 3, height: 3), Rect(x: -1 << 40, y: 0, width: 1 << 41, height: 2)] {
            let inner = block.render(into: &buffer, area: area)
            XCTAssertGreaterThanOrEqual(inner.width, 0)
            XCTAssertGreaterThanOrEqual(inner.height, 0)
        }
        var small = Buffer(width: 3, height: 2)
        Block(title: "Title").render(into: &small, area: Rect(x: -3, y: -1, width: 6, height: 3))
        XCTAssertEqual(small.lines, ["  │", "──┘"])
        var one = Buffer(width: 1, height: 1)
        XCTAssertEqual(Block().render(into: &one, area: one.area), Rect(x: 1, y: 1, width: 0, height: 0))
        XCTAssertEqual(one.lines, ["┘"])
    }
}
