import XCTest
import TerminalUI

final class NumberFormatTests: XCTestCase {
    func testExamples() {
        XCTAssertEqual(NumberFormat.fit(0.60841366, width: 6), "0.6084")
        XCTAssertEqual(NumberFormat.fit(12345.678, width: 6), "12346")
        XCTAssertEqual(NumberFormat.fit(-0.000012, width: 7), "-1.2e-5")
        XCTAssertEqual(NumberFormat.fit(1234567, width: 6), "1.23e6")
        XCTAssertEqual(NumberFormat.fit(-0.5, width: 4), "-0.5")
        XCTAssertEqual(NumberFormat.fit(1.5, width: 6), "1.5")
        XCTAssertEqual(NumberFormat.fit(1.5, width: 6, trimZeros: false), "1.5000")
        XCTAssertEqual(NumberFormat.fit(0.1 + 0.2, width: 20), "0.3")
        XCTAssertEqual(NumberFormat.fit(0.0001234, width: 6), "1.2e-4")
        XCTAssertEqual(NumberFormat.fit(0.00012345, width: 10), "0.00012345")
        XCTAssertEqual(NumberFormat.fit(1e-300, width: 8), "1e-300")
        XCTAssertEqual(NumberFormat.fit(99999.5, width: 5), "1e5")
        XCTAssertEqual(NumberFormat.fit(123456, width: 3), "1e5")
        XCTAssertEqual(NumberFormat.fit(42, width: 2), "42")
        XCTAssertEqual(NumberFormat.fit(Double(Float(0.25)), width: 4), "0.25")
    }

    func testSpecialValues() {
        XCTAssertEqual(NumberFormat.fit(.nan, width: 6), "NaN")
        XCTAssertEqual(NumberFormat.fit(.infinity, width: 6), "inf")
        XCTAssertEqual(NumberFormat.fit(-.infinity, width: 6), "-inf")
        XCTAssertEqual(NumberFormat.fit(0, width: 6), "0")
        XCTAssertEqual(NumberFormat.fit(-0.0, width: 6), "0")
    }

    func testTooNarrowGivesHashesNotWrongDigits() {
        XCTAssertEqual(NumberFormat.fit(123456, width: 2), "##")
        XCTAssertEqual(NumberFormat.fit(-.infinity, width: 3), "###")
        XCTAssertEqual(NumberFormat.fit(.nan, width: 2), "##")
        XCTAssertEqual(NumberFormat.fit(5, width: 0), "")
        XCTAssertEqual(NumberFormat.fit(5, width: -3), "")
    }

    /// Half a unit in the last digit `text` shows: the most a correctly rounded form can be off by.
    private func halfUnitInLastPlace(_ text: String) -> Double {
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Double(parts[1]) ?? 0 : 0
        let decimals = mantissa.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return 0.5 * pow(10, exponent - Double(decimals))
    }

    func testNeverLongerThanWidthAndCorrectlyRounded() {
        var seed: UInt64 = 7
        func random() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<1500 {
            let exponent = Int(random() * 40) - 20
            let sign: Double = random() < 0.5 ? -1 : 1
            let value = sign * (1 + random() * 9) * pow(10, Double(exponent))
            for width in 1...14 {
                let text = NumberFormat.fit(value, width: width)
                XCTAssertLessThanOrEqual(text.count, width, "\(value) in \(width): \(text)")
                if text.allSatisfy({ $0 == "#" }) { continue }
                guard let shown = Double(text) else { return XCTFail("unparsable \(text) for \(value)") }
                XCTAssertLessThanOrEqual(abs(shown - value), halfUnitInLastPlace(text) * (1 + 1e-9),
                                         "\(value) in \(width): \(text)")
                if width >= 8 { XCTAssertLessThanOrEqual(abs(shown - value) / abs(value), 0.05, "\(value) in \(width): \(text)") }
                if width >= 10 { XCTAssertLessThan(abs(shown - value) / abs(value), 1e-3, "\(value) in \(width): \(text)") }
            }
        }
    }

    func testPicksTheCloserForm() {
        // "-0.01" and "-6e-3" both fit in 5 columns; the second is much closer.
        XCTAssertEqual(NumberFormat.fit(-0.0062274, width: 5), "-6e-3")
        XCTAssertEqual(NumberFormat.fit(0.0062274, width: 6), "0.0062")
    }
}
