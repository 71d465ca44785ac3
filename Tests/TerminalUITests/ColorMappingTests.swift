import XCTest
import TerminalUI

final class ColorMappingTests: XCTestCase {
    private func index256(_ hex: String) -> UInt8? { Color(hex: hex)?.xterm256Index }
    private func index8(_ hex: String) -> UInt8? { Color(hex: hex)?.ansi8Index }

    func testXterm256() {
        XCTAssertEqual(index256("#56B4E9"), 74)   // Okabe-Ito sky blue → #5FAFD7
        XCTAssertEqual(index256("#E69F00"), 178)  // Okabe-Ito orange → #D7AF00
        XCTAssertEqual(index256("#D55E00"), 166)  // vermillion → #D75F00
        XCTAssertEqual(index256("#000000"), 16)
        XCTAssertEqual(index256("#FFFFFF"), 231)
        XCTAssertEqual(index256("#808080"), 244)  // grey ramp 8 + 10·12 = 128
        XCTAssertEqual(index256("#101010"), 233)  // grey 18 beats cube black
        XCTAssertEqual(index256("#5F5F5F"), 59)   // exactly a cube colour beats grey 98
        XCTAssertEqual(index256("#FF0000"), 196)
        XCTAssertNil(Color.default.xterm256Index)
    }

    func testANSI8() {
        XCTAssertEqual(index8("#56B4E9"), 6)  // cyan
        XCTAssertEqual(index8("#E69F00"), 3)  // yellow
        XCTAssertEqual(index8("#D55E00"), 1)  // red
        XCTAssertEqual(index8("#000000"), 0)
        XCTAssertEqual(index8("#FFFFFF"), 7)
        XCTAssertEqual(index8("#808080"), 7)  // greys go to black or white, not (nearest) yellow
        XCTAssertEqual(index8("#333333"), 0)
        XCTAssertEqual(index8("#444448"), 7)
        XCTAssertEqual(index8("#0000AA"), 4)
        XCTAssertNil(Color.default.ansi8Index)
    }

    func testIndexToRGBRoundTrips() {
        XCTAssertTrue(Color.rgb(xterm256: 74) == (95, 175, 215))
        XCTAssertTrue(Color.rgb(xterm256: 244) == (128, 128, 128))
        for i in 16...255 {
            let c = Color.rgb(xterm256: UInt8(i))
            XCTAssertEqual(Color.xterm256Index(red: c.red, green: c.green, blue: c.blue), UInt8(i), "index \(i)")
        }
    }

    func testHexParsingAndDescription() {
        XCTAssertEqual(Color(hex: "#56b4e9"), .rgb(0x56, 0xB4, 0xE9))
        XCTAssertNil(Color(hex: "56B4E9"))
        XCTAssertNil(Color(hex: "#+12345"))
        XCTAssertNil(Color(hex: "#12345G"))
        XCTAssertNil(Color(hex: "#1234"))
        XCTAssertEqual(Color.rgb(0x56, 0xB4, 0xE9).description, "#56B4E9")
        XCTAssertEqual(Color.default.description, "default")
    }
}
