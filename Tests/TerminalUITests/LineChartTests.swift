import XCTest
import TerminalUI

final class LineChartTests: XCTestCase {
    private func render(_ chart: LineChart, width: Int, height: Int) -> [String] {
        var buffer = Buffer(width: width, height: height)
        chart.render(into: &buffer, area: buffer.area)
        return buffer.lines
    }

    func testRisingLineWithLabelsAndBaseline() {
        XCTAssertEqual(render(LineChart(values: [0, 1, 2, 3]), width: 8, height: 3), [
            "3┤ ⡜    ",
            "0┤⡸     ",
            " └──────",
        ])
    }

    func testPartlyOffscreenChartIsTheSameChartClipped() {
        let chart = LineChart(values: [0, 1, 2, 3])
        var left = Buffer(width: 7, height: 3)
        chart.render(into: &left, area: Rect(x: -1, y: 0, width: 8, height: 3))
        XCTAssertEqual(left.lines, ["┤ ⡜    ", "┤⡸     ", "└──────"])
        var up = Buffer(width: 8, height: 2)
        chart.render(into: &up, area: Rect(x: 0, y: -1, width: 8, height: 3))
        XCTAssertEqual(up.lines, ["0┤⡸     ", " └──────"])
        var right = Buffer(width: 3, height: 3)
        chart.render(into: &right, area: Rect(x: -3, y: 0, width: 8, height: 3))
        XCTAssertEqual(right.lines, ["⡜  ", "   ", "───"])
    }

    func testHugeAreaDoesNotAllocateTheWholePlot() {
        var buffer = Buffer(width: 10, height: 4)
        LineChart(values: [1, 2, 3]).render(into: &buffer, area: Rect(x: 0, y: 0, width: 1 << 40, height: 1 << 40))
        XCTAssertEqual(buffer.lines[0].first, "3")
    }

    func testLogScaleWithMiddleLabel() {
        // 0 clamps to the smallest positive value (1): log10 values 0, 1, 2, 0.
        XCTAssertEqual(render(LineChart(values: [1, 10, 100, 0], logScale: true), width: 8, height: 4), [
            "100┤ ⡇  ",
            " 10┤⢸⢣  ",
            "  1┤⡎⢸  ",
            "   └────",
        ])
    }

    func testNaNLeavesAGap() {
        XCTAssertEqual(render(LineChart(values: [0, 0, .nan, 0, 0], yRange: 0...1), width: 5, height: 2), [
            "1┤⣀⢀⡀",
            " └───",
        ])
    }

    func testInfinityClampsToTheTop() {
        XCTAssertEqual(render(LineChart(values: [0, .infinity], yRange: 0...1), width: 4, height: 2), [
            "1┤⡜ ",
            " └──",
        ])
    }

    func testOnlyTheMostRecentSamplesAreShown() {
        // Plot width 2 cells = 4 samples: the leading 100s are neither drawn nor part of the range.
        // (They widened the label column while it was being sized; it never shrinks back.)
        XCTAssertEqual(render(LineChart(values: [100, 100, 0, 1, 2, 3]), width: 6, height: 3), [
            "  3┤ ⡜",
            "  0┤⡸ ",
            "   └──",
        ])
    }

    func testCustomFormatterAndASCII() {
        let chart = LineChart(values: [0, 1], yRange: 0...1, formatter: { "v\(Int($0))" }, glyphs: .ascii)
        XCTAssertEqual(render(chart, width: 6, height: 3), [
            "v1+ : ",
            "v0+:  ",
            "  +---",
        ])
    }

    func testBlockMarker() {
        let chart = LineChart(values: [0, 1], yRange: 0...1, marker: .block)
        XCTAssertEqual(render(chart, width: 6, height: 3), [
            "1┤ █  ",
            "0┤█   ",
            " └────",
        ])
    }

    func testGeometry() {
        let chart = LineChart(values: [0, 1, 2, 3])
        let g = chart.geometry(in: Rect(x: 2, y: 1, width: 8, height: 3))
        XCTAssertEqual(g.plot, Rect(x: 4, y: 1, width: 6, height: 2))
        XCTAssertEqual(g.axisX, 3)
        XCTAssertEqual(g.baselineY, 3)
        XCTAssertEqual(g.labelWidth, 1)
        XCTAssertEqual(g.scaleRange, 0...3)
    }

    func testDegenerateDataAndAreasNeverTrap() {
        let series: [[Double]] = [[], [.nan], [.nan, .infinity, -.infinity], [5], [0, 0, 0], [-1, -2],
                                  [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude],
                                  [1e-300, 1e300], Array(repeating: 1, count: 1000)]
        let areas = [Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 0, y: 0, width: 1, height: 1),
                     Rect(x: 0, y: 0, width: 2, height: 1), Rect(x: 0, y: 0, width: 3, height: 2),
                     Rect(x: -4, y: -2, width: 10, height: 5), Rect(x: 3, y: 3, width: 50, height: 50),
                     Rect(x: 0, y: 0, width: 12, height: 6)]
        for values in series {
            for log in [false, true] {
                for range in [nil, 0...1, -5...(-5), 0...Double.infinity] as [ClosedRange<Double>?] {
                    for area in areas {
                        var buffer = Buffer(width: 12, height: 6)
                        LineChart(values: values, yRange: range, logScale: log).render(into: &buffer, area: area)
                        LineChart(values: values, yRange: range, logScale: log, glyphs: .ascii).render(into: &buffer, area: area)
                        XCTAssertEqual(buffer.lines.count, 6)
                    }
                }
            }
        }
    }

    func testFlatSeriesGetsAPaddedRange() {
        let g = LineChart(values: [2, 2, 2]).geometry(in: Rect(x: 0, y: 0, width: 10, height: 4))
        XCTAssertEqual(g.scaleRange.lowerBound, 1.8, accuracy: 1e-12)
        XCTAssertEqual(g.scaleRange.upperBound, 2.2, accuracy: 1e-12)
    }
}
