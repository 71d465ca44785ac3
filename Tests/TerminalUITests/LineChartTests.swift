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

    // MARK: Labels of a narrow range

    /// The y-axis labels as drawn: (row, text) for every row with a tick.
    private func drawnLabels(_ chart: LineChart, width: Int, height: Int) -> [(row: Int, text: String)] {
        render(chart, width: width, height: height).enumerated().compactMap { row, line in
            guard let tick = line.firstIndex(where: { $0 == "┤" || $0 == "+" }), tick != line.startIndex else { return nil }
            return (row, line[..<tick].trimmingCharacters(in: .whitespaces))
        }
    }

    /// Half a unit in the last digit a label shows ("4.472e-5": 0.0005e-5), how far a correctly
    /// rounded label may be from the value it names.
    private func halfUnit(_ text: String) -> Double {
        let parts = text.split(separator: "e")
        let mantissa = parts.first.map(String.init) ?? text
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
        return 0.5 * pow(10, Double(exponent - decimals))
    }

    /// Every label distinct, no wider than a third of the chart (or the 6 columns labels always had),
    /// and the value on its row correctly rounded; at least the top one drawn.
    private func assertLabelsDistinctAndTrue(_ chart: LineChart, width: Int, height: Int,
                                             file: StaticString = #filePath, line: UInt = #line) {
        let labels = drawnLabels(chart, width: width, height: height)
        let context = "\(chart.values.first ?? .nan)…\(chart.values.last ?? .nan) in \(width)x\(height), log \(chart.logScale): \(labels)"
        XCTAssertFalse(labels.isEmpty, context, file: file, line: line)
        XCTAssertEqual(Set(labels.map(\.text)).count, labels.count, "two labels alike: " + context, file: file, line: line)
        let numbers = labels.compactMap { Double($0.text) }
        XCTAssertEqual(Set(numbers).count, labels.count, "labels not distinct numbers: " + context, file: file, line: line)
        for label in labels {
            XCTAssertLessThanOrEqual(label.text.count, max(6, width / 3), context, file: file, line: line)
        }
        let range = chart.geometry(in: Rect(x: 0, y: 0, width: width, height: height)).scaleRange
        let plotHeight = height - 1
        for label in labels {
            guard let shown = Double(label.text) else { continue }
            let scaled = label.row == 0 ? range.upperBound
                : label.row == plotHeight - 1 ? range.lowerBound : (range.lowerBound + range.upperBound) / 2
            let value = chart.logScale ? pow(10, scaled) : scaled
            // Parsing the label and the subtraction may each be off by a unit in the last place.
            XCTAssertLessThanOrEqual(abs(shown - value), halfUnit(label.text) + 2 * value.ulp,
                                     "\(label.text) names \(value): " + context, file: file, line: line)
        }
    }

    /// A converged loss: 0.00120…0.00124, which six columns show as "0.0012" on every row.
    private let converged = (0..<40).map { 0.00124 - Double($0) * 0.000001 }

    func testNarrowRangeGetsEnoughDigitsToTellItsLabelsApart() {
        let labels = drawnLabels(LineChart(values: converged), width: 32, height: 4)
        XCTAssertEqual(labels.map(\.row), [0, 1, 2])
        XCTAssertEqual(labels.map(\.text), ["0.00124", "0.00122", "0.00120"])
        assertLabelsDistinctAndTrue(LineChart(values: converged), width: 32, height: 4)
    }

    func testNarrowRangeOnALogScaleToo() {
        assertLabelsDistinctAndTrue(LineChart(values: converged, logScale: true), width: 32, height: 4)
        assertLabelsDistinctAndTrue(LineChart(values: converged, logScale: true), width: 32, height: 12)
    }

    func testTooNarrowForAllLabelsShowsFewerNeverTwoAlike() {
        // 1.0000000…1.0000004 needs 9 columns; a 12-column chart may give labels 6.
        let values = (0..<10).map { 1 + Double($0) * 4e-8 }
        let labels = drawnLabels(LineChart(values: values), width: 12, height: 4)
        XCTAssertEqual(labels.map(\.row), [0])
        XCTAssertEqual(labels.map(\.text), ["1"])
        assertLabelsDistinctAndTrue(LineChart(values: values), width: 12, height: 4)
        // With the room for 9 columns, all three.
        XCTAssertEqual(drawnLabels(LineChart(values: values), width: 27, height: 4).map(\.text),
                       ["1.0000004", "1.0000002", "1.0000000"])
    }

    func testLabelsAreDistinctAndTrueForManyRangesAndSizes() {
        for magnitude in [1e-9, 3.7e-6, 0.0012, 0.25, 1, 42, 12345] {
            for spread in [1e-10, 1e-7, 1e-4, 0.003, 0.1, 1, 10] {
                let values = (0..<30).map { magnitude * (1 + spread * Double($0) / 29) }
                for (width, height) in [(12, 3), (20, 4), (32, 4), (40, 6), (60, 12), (80, 20)] {
                    for log in [false, true] {
                        assertLabelsDistinctAndTrue(LineChart(values: values, logScale: log), width: width, height: height)
                    }
                }
            }
        }
    }

    func testLabelsStayInTheirColumn() {
        let g = LineChart(values: converged).geometry(in: Rect(x: 3, y: 2, width: 32, height: 4))
        XCTAssertEqual(g.labels.map(\.y), [2, 3, 4])
        for label in g.labels { XCTAssertLessThanOrEqual(label.text.count, g.labelWidth) }
        XCTAssertEqual(g.axisX, 3 + g.labelWidth)
    }
}
