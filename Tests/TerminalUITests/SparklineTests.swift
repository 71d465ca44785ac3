import XCTest
import TerminalUI

final class SparklineTests: XCTestCase {
    private func render(_ sparkline: Sparkline, width: Int, height: Int = 1) -> [String] {
        var buffer = Buffer(width: width, height: height)
        sparkline.render(into: &buffer, area: buffer.area)
        return buffer.lines
    }

    func testEightLevels() {
        XCTAssertEqual(render(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7]), width: 8), ["▁▂▃▄▅▆▇█"])
    }

    func testShowsMostRecentValuesScaledToThem() {
        XCTAssertEqual(render(Sparkline(values: Array(0..<10).map(Double.init)), width: 4), ["▁▃▆█"])
    }

    func testFewerValuesThanColumnsStartAtTheLeft() {
        XCTAssertEqual(render(Sparkline(values: [1, 2]), width: 4), ["▁█  "])
    }

    func testFixedRangeClamps() {
        XCTAssertEqual(render(Sparkline(values: [5, 15, -3], minimum: 0, maximum: 10), width: 4), ["▅█▁ "])
    }

    func testFlatSeriesShowsLowestBar() {
        XCTAssertEqual(render(Sparkline(values: [3, 3, 3]), width: 3), ["▁▁▁"])
    }

    func testNaNAndInfinityAreGaps() {
        XCTAssertEqual(render(Sparkline(values: [1, .nan, 3, .infinity, -.infinity]), width: 5), ["▁·█··"])
        XCTAssertEqual(render(Sparkline(values: [.nan, .nan]), width: 2), ["··"])
        XCTAssertEqual(render(Sparkline(values: [.nan, 1], glyphs: .ascii), width: 2), ["x_"])
        // Non-finite bounds are ignored rather than poisoning the scale.
        XCTAssertEqual(render(Sparkline(values: [0, 1], minimum: .nan, maximum: .infinity), width: 2), ["▁█"])
    }

    func testHugeRangeDoesNotTrap() {
        XCTAssertEqual(render(Sparkline(values: [-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude]), width: 2).count, 1)
    }

    func testASCIILevels() {
        XCTAssertEqual(render(Sparkline(values: [0, 1, 2, 3, 4], glyphs: .ascii), width: 5), ["_.-=#"])
    }

    func testTallSparklineStacksBars() {
        // 16 levels over two rows: 0 → level 1, 1 → 16, 0.5 → 1 + round(7.5) = 9 (a full row and one more).
        XCTAssertEqual(render(Sparkline(values: [0, 1, 0.5], minimum: 0, maximum: 1), width: 3, height: 2), [
            " █▁",
            "▁██",
        ])
    }

    func testStyles() {
        let bar = Style(foreground: .rgb(0, 100, 0)), gap = Style(foreground: .rgb(100, 0, 0))
        var buffer = Buffer(width: 2, height: 1)
        Sparkline(values: [1, .nan], style: bar, gapStyle: gap).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer[0, 0].style, bar)
        XCTAssertEqual(buffer[1, 0].style, gap)
    }

    func testClipping() {
        var buffer = Buffer(width: 3, height: 1)
        Sparkline(values: [0, 1, 2, 3]).render(into: &buffer, area: Rect(x: 1, y: 0, width: 4, height: 1))
        XCTAssertEqual(buffer.lines, [" ▁▃"])
        Sparkline(values: [0, 1]).render(into: &buffer, area: Rect(x: -5, y: -5, width: 2, height: 2))
        Sparkline(values: []).render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.lines, [" ▁▃"])
    }
}
