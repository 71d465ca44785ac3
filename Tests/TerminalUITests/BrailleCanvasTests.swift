import XCTest
@testable import TerminalUI

final class BrailleCanvasTests: XCTestCase {
    private func rendered(_ canvas: BrailleCanvas, marker: CanvasMarker = .braille) -> [String] {
        var buffer = Buffer(width: canvas.width, height: canvas.height)
        canvas.render(into: &buffer, at: buffer.area, marker: marker)
        return buffer.lines
    }

    func testEachDotHasItsBrailleBit() {
        let expected: [(x: Int, y: Int, bit: UInt32)] = [
            (0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (0, 3, 0x40),
            (1, 0, 0x08), (1, 1, 0x10), (1, 2, 0x20), (1, 3, 0x80),
        ]
        for dot in expected {
            var canvas = BrailleCanvas(width: 1, height: 1)
            canvas.set(dot.x, dot.y)
            let scalar = Unicode.Scalar(0x2800 + dot.bit)!
            XCTAssertEqual(rendered(canvas), [String(Character(scalar))], "dot \(dot.x),\(dot.y)")
        }
        var full = BrailleCanvas(width: 1, height: 1)
        for x in 0..<2 { for y in 0..<4 { full.set(x, y) } }
        XCTAssertEqual(rendered(full), ["⣿"])
    }

    func testDotsLandInTheRightCell() {
        var canvas = BrailleCanvas(width: 3, height: 2)
        canvas.set(5, 7)
        canvas.set(2, 4)
        XCTAssertEqual(rendered(canvas), ["   ", " ⠁⢀"])
        XCTAssertTrue(canvas.isSet(5, 7))
        XCTAssertFalse(canvas.isSet(4, 7))
        XCTAssertEqual(canvas.cellBits(2, 1), 0x80)
    }

    func testDiagonalLine() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.line(from: (0, 0), to: (3, 3))
        XCTAssertEqual(rendered(canvas), ["⠑⢄"])
        var reversed = BrailleCanvas(width: 2, height: 1)
        reversed.line(from: (3, 3), to: (0, 0))
        XCTAssertEqual(rendered(reversed), ["⠑⢄"])
    }

    func testHorizontalAndSteepLines() {
        var canvas = BrailleCanvas(width: 2, height: 2)
        canvas.line(from: (0, 7), to: (3, 7))
        canvas.line(from: (3, 0), to: (3, 3))
        XCTAssertEqual(rendered(canvas), [" ⢸", "⣀⣀"])
    }

    func testLinesAreClippedToTheCanvas() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.line(from: (-1000, -1000), to: (1000, 1000))
        XCTAssertEqual(rendered(canvas), ["⠑⢄"])
        var far = BrailleCanvas(width: 2, height: 1)
        far.line(from: (-1 << 30, 0), to: (1 << 30, 0))
        far.line(from: (-50, -50), to: (-10, -3))
        far.set(-1, 0)
        far.set(4, 0)
        far.set(0, 4)
        XCTAssertEqual(rendered(far), ["⠉⠉"])
        // Extreme ends must not trap (precision may move the clipped ends, so no exact output).
        var extreme = BrailleCanvas(width: 2, height: 1)
        extreme.line(from: (Int.min, Int.min), to: (Int.max, Int.max))
        extreme.line(from: (Int.min, 0), to: (Int.max, 0))
        extreme.line(from: (Int.max, Int.min), to: (Int.min, Int.max))
    }

    func testRenderWritesOnlyCellsWithDotsAndKeepsBackground() {
        var buffer = Buffer(width: 4, height: 1)
        let panel = Style(background: .rgb(0, 0, 50))
        buffer.write("abcd", x: 0, y: 0, style: panel)
        var canvas = BrailleCanvas(width: 4, height: 1)
        let red = Style(foreground: .rgb(200, 0, 0))
        canvas.set(2, 0, style: red)
        canvas.render(into: &buffer, at: buffer.area)
        XCTAssertEqual(buffer.lines, ["a⠁cd"])
        XCTAssertEqual(buffer[1, 0].style, Style(foreground: .rgb(200, 0, 0), background: .rgb(0, 0, 50)))
        XCTAssertEqual(buffer[0, 0].style, panel)
    }

    func testLastStyleWinsPerCell() {
        var canvas = BrailleCanvas(width: 1, height: 1)
        let a = Style(foreground: .rgb(1, 1, 1)), b = Style(foreground: .rgb(2, 2, 2))
        canvas.set(0, 0, style: a)
        canvas.set(1, 1, style: b)
        var buffer = Buffer(width: 1, height: 1)
        canvas.render(into: &buffer, at: buffer.area)
        XCTAssertEqual(buffer[0, 0].style, b)
    }

    func testRenderClipsToAreaAndBuffer() {
        var canvas = BrailleCanvas(width: 3, height: 2)
        for x in 0..<6 { canvas.set(x, 0); canvas.set(x, 7) }
        var buffer = Buffer(width: 4, height: 2)
        canvas.render(into: &buffer, at: Rect(x: 2, y: 1, width: 10, height: 10))
        XCTAssertEqual(buffer.lines, ["    ", "  ⠉⠉"])
        var other = Buffer(width: 4, height: 2)
        canvas.render(into: &other, at: Rect(x: -2, y: -1, width: 3, height: 3))
        XCTAssertEqual(other.lines, ["⣀   ", "    "])
    }

    func testMarkers() {
        var canvas = BrailleCanvas(width: 4, height: 1)
        canvas.set(0, 0)            // top half only
        canvas.set(3, 3)            // bottom half only
        canvas.set(4, 1); canvas.set(5, 2) // both halves
        XCTAssertEqual(rendered(canvas, marker: .ascii), ["'.: "])
        XCTAssertEqual(rendered(canvas, marker: .block), ["▀▄█ "])
        XCTAssertEqual(CanvasMarker(.ascii), .ascii)
        var buffer = Buffer(width: 4, height: 1)
        canvas.render(into: &buffer, at: buffer.area, glyphs: .ascii)
        XCTAssertEqual(buffer.lines, ["'.: "])
    }

    func testDataMapping() {
        let canvas = BrailleCanvas(width: 2, height: 1) // 4 × 4 dots
        let x = 0.0...1.0, y = 0.0...1.0
        XCTAssertEqual(canvas.dot(x: 0, y: 0, xRange: x, yRange: y).map { [$0.x, $0.y] }, [0, 3])
        XCTAssertEqual(canvas.dot(x: 1, y: 1, xRange: x, yRange: y).map { [$0.x, $0.y] }, [3, 0])
        XCTAssertEqual(canvas.dot(x: 0.5, y: 0.25, xRange: x, yRange: y).map { [$0.x, $0.y] }, [2, 2])
        XCTAssertEqual(canvas.dot(x: 2, y: -1, xRange: x, yRange: y).map { [$0.x, $0.y] }, [6, 6])
        XCTAssertNil(canvas.dot(x: .nan, y: 0, xRange: x, yRange: y))
        XCTAssertNil(canvas.dot(x: 0, y: .nan, xRange: x, yRange: y))
        XCTAssertEqual(canvas.dot(x: .infinity, y: -.infinity, xRange: x, yRange: y).map { [$0.x, $0.y] }, [1 << 30, 1 << 30])
        // Degenerate and infinite ranges map to the middle instead of dividing by zero.
        XCTAssertEqual(canvas.dot(x: 5, y: 5, xRange: 5...5, yRange: -Double.infinity...Double.infinity).map { [$0.x, $0.y] }, [2, 2])
    }

    func testDataLinesAndPlotsIgnoreNaN() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.line(from: (x: 0.0, y: 0.0), to: (x: 1.0, y: 1.0), xRange: 0...1, yRange: 0...1)
        canvas.line(from: (x: 0.0, y: .nan), to: (x: 1.0, y: 0.0), xRange: 0...1, yRange: 0...1)
        canvas.plot(x: .nan, y: 0, xRange: 0...1, yRange: 0...1)
        canvas.plot(x: 0, y: 0, xRange: 0...1, yRange: 0...1)
        XCTAssertEqual(rendered(canvas), ["⡠⠊"])
    }

    func testEmptyCanvasIsSafe() {
        var canvas = BrailleCanvas(width: 0, height: -3)
        canvas.set(0, 0)
        canvas.line(from: (0, 0), to: (10, 10))
        var buffer = Buffer(width: 2, height: 2)
        canvas.render(into: &buffer, at: buffer.area)
        XCTAssertEqual(buffer.lines, ["  ", "  "])
        canvas.clear()
    }
}
