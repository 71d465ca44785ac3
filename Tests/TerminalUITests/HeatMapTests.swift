import XCTest
@testable import TerminalUI

final class HeatMapTests: XCTestCase {
    func testHalfBlocksPutTheTopPixelInFrontAndTheBottomBehind() {
        var image = HalfBlockImage(pixelWidth: 2, pixelHeight: 3)
        let red = Color.rgb(255, 0, 0), blue = Color.rgb(0, 0, 255)
        image[0, 0] = red
        image[0, 1] = blue
        image[1, 2] = red
        image[5, 5] = blue  // outside: ignored
        var buffer = Buffer(width: 4, height: 3)
        image.render(into: &buffer, area: Rect(x: 1, y: 1, width: 3, height: 1))
        XCTAssertEqual(buffer.lines, ["    ", " ▀▀ ", "    "], "one cell row fits the area; the rest is clipped")
        XCTAssertEqual(buffer[1, 1].style, Style(foreground: red, background: blue))
        XCTAssertEqual(buffer[2, 1].style, Style(foreground: .default, background: .default))
    }

    func testDensityRampSharesTheRangeAmongTenGlyphs() {
        XCTAssertEqual(DensityRamp.character(for: 0), " ")
        XCTAssertEqual(DensityRamp.character(for: 0.05), " ")
        XCTAssertEqual(DensityRamp.character(for: 0.15), ".")
        XCTAssertEqual(DensityRamp.character(for: 0.5), "+")
        XCTAssertEqual(DensityRamp.character(for: 0.99), "@")
        XCTAssertEqual(DensityRamp.character(for: 1), "@")
        XCTAssertEqual(DensityRamp.character(for: -3), " ")
        XCTAssertEqual(DensityRamp.character(for: .nan), "?")
        XCTAssertEqual(String(DensityRamp.characters), " .:-=+*#%@")
    }

    func testMixingMovesEachChannelAndLeavesDefaultAlone() {
        let black = Color.rgb(0, 0, 0), white = Color.rgb(255, 255, 255)
        XCTAssertEqual(black.mixed(with: white, amount: 0.5), .rgb(128, 128, 128))
        XCTAssertEqual(Color.rgb(200, 100, 0).mixed(with: .rgb(0, 100, 200), amount: 0.25), .rgb(150, 100, 50))
        XCTAssertEqual(black.mixed(with: white, amount: 7), white, "clamped")
        XCTAssertEqual(Color.default.mixed(with: white, amount: 0.1), white)
        XCTAssertEqual(black.mixed(with: .default, amount: 0.9), black)
        XCTAssertEqual(white.brightness ?? 0, 1, accuracy: 1e-12)
        XCTAssertNil(Color.default.brightness)
    }
}
