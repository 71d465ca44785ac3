import PerceptronCore
import XCTest

/// The CSV reader on its own: RFC 4180 records, the extensions it accepts, and where it reports errors.
final class CSVScannerTests: XCTestCase {
    /// Every record as its cells' texts, with the line each starts on.
    private func records(_ text: String) throws -> [(line: Int, cells: [String])] {
        var scanner = CSVScanner(text: text)
        var cells: [CSVCell] = []
        var result: [(Int, [String])] = []
        while let line = try scanner.nextRecord(into: &cells) {
            result.append((line, cells.map { scanner.text(of: $0) }))
        }
        return result
    }

    private func cells(_ text: String) throws -> [[String]] { try records(text).map(\.cells) }

    private func syntaxError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CSVSyntaxError? {
        do {
            _ = try records(text)
            XCTFail("accepted \(text.debugDescription)", file: file, line: line)
            return nil
        } catch let error as CSVSyntaxError {
            return error
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func testPlainRecords() throws {
        XCTAssertEqual(try cells("a,b\n1,2\n3,4\n"), [["a", "b"], ["1", "2"], ["3", "4"]])
        XCTAssertEqual(try cells("a,b\n1,2"), [["a", "b"], ["1", "2"]], "no newline at the end")
        XCTAssertEqual(try cells("a"), [["a"]])
        XCTAssertEqual(try cells(""), [])
    }

    func testLineEndsLFCRLFAndCR() throws {
        XCTAssertEqual(try records("a,b\r\n1,2\r\n3,4\r\n").map(\.line), [1, 2, 3])
        XCTAssertEqual(try cells("a,b\r\n1,2\r\n"), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(try records("a,b\r1,2\r3,4").map(\.line), [1, 2, 3])
        XCTAssertEqual(try cells("a,b\r1,2"), [["a", "b"], ["1", "2"]])
    }

    func testByteOrderMarkIsDropped() throws {
        XCTAssertEqual(try cells("\u{FEFF}a,b\n1,2\n"), [["a", "b"], ["1", "2"]])
        var scanner = CSVScanner(bytes: [0xEF, 0xBB, 0xBF] + Array("x,y\n".utf8))
        var found: [CSVCell] = []
        _ = try scanner.nextRecord(into: &found)
        XCTAssertEqual(found.map(scanner.column(of:)), [1, 3], "columns count from after the mark")
    }

    func testBlankAndCommentLinesAreSkippedAnywhere() throws {
        let text = "# a comment\n\n  \na,b\n# another\n1,2\n\n\t\n3,4\n\n\n"
        let found = try records(text)
        XCTAssertEqual(found.map(\.cells), [["a", "b"], ["1", "2"], ["3", "4"]])
        XCTAssertEqual(found.map(\.line), [4, 6, 9])
        XCTAssertEqual(try cells("a\n  # indented comment\n1"), [["a"], ["1"]])
    }

    func testSpacesAroundCellsAreTrimmedButNotInsideQuotes() throws {
        XCTAssertEqual(try cells(" a , b\t\n 1 ,\t2 \n"), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(try cells("\" a \", \"b\" \n"), [[" a ", "b"]])
    }

    func testQuotedCellsHoldCommasQuotesAndLineEnds() throws {
        XCTAssertEqual(try cells("\"a,b\",c\n"), [["a,b", "c"]])
        XCTAssertEqual(try cells("\"say \"\"hi\"\"\",x\n"), [["say \"hi\"", "x"]])
        XCTAssertEqual(try cells("\"\"\"\"\n"), [["\""]])
        XCTAssertEqual(try cells("\"\",x\n"), [["", "x"]])
        let found = try records("\"two\nlines\",b\n1,2\n")
        XCTAssertEqual(found.map(\.cells), [["two\nlines", "b"], ["1", "2"]])
        XCTAssertEqual(found.map(\.line), [1, 3], "a line end inside quotes still counts as a line")
    }

    func testEmptyCells() throws {
        XCTAssertEqual(try cells("a,,b\n,\n"), [["a", "", "b"], ["", ""]])
        XCTAssertEqual(try cells("a,b,\n"), [["a", "b", ""]])
    }

    func testUnterminatedQuoteIsReportedAtItsOpeningQuote() {
        let error = syntaxError("a,b\n1,\"2\n3,4\n")
        XCTAssertEqual(error, CSVSyntaxError(kind: .unterminatedQuote, line: 2, column: 3))
    }

    func testTextAfterAClosingQuote() {
        XCTAssertEqual(syntaxError("a,b\n\"1\"x,2\n"), CSVSyntaxError(kind: .textAfterClosingQuote, line: 2, column: 4))
        XCTAssertEqual(syntaxError("\"1\" \"2\"\n"), CSVSyntaxError(kind: .textAfterClosingQuote, line: 1, column: 5))
    }

    func testQuoteInsideAnUnquotedCell() {
        XCTAssertEqual(syntaxError("a,b\n1,2\"3\n"), CSVSyntaxError(kind: .quoteInUnquotedCell, line: 2, column: 4))
    }

    func testColumnsCountCharactersNotBytes() throws {
        var scanner = CSVScanner(text: "été,ü,x\n")
        var found: [CSVCell] = []
        _ = try scanner.nextRecord(into: &found)
        XCTAssertEqual(found.map(scanner.column(of:)), [1, 5, 7])
        XCTAssertEqual(syntaxError("é,ü\"\n"), CSVSyntaxError(kind: .quoteInUnquotedCell, line: 1, column: 4))
    }

    func testRecordEndIsWhereAShortRecordStopped() throws {
        var scanner = CSVScanner(text: "a,b,c\n1,2\n")
        var found: [CSVCell] = []
        _ = try scanner.nextRecord(into: &found)
        _ = try scanner.nextRecord(into: &found)
        XCTAssertEqual(scanner.recordEnd.line, 2)
        XCTAssertEqual(scanner.recordEnd.column, 4)
    }

    private func number(_ text: String) throws -> CSVScanner.Number {
        var scanner = CSVScanner(text: text)
        var found: [CSVCell] = []
        _ = try scanner.nextRecord(into: &found)
        return scanner.number(found[0])
    }

    func testNumbersAreDecimals() throws {
        let accepted: [(String, Double)] = [
            ("0", 0), ("1", 1), ("-2.5", -2.5), ("+3", 3), (".5", 0.5), ("5.", 5), ("3e-4", 3e-4), ("1E+2", 100),
            ("-0", -0.0), ("007", 7), ("\"1.5\"", 1.5), (" 2 ", 2),
        ]
        for (text, value) in accepted {
            XCTAssertEqual(try number(text), .finite(value), text)
        }
        for text in ["abc", "1;5", "1.2.3", "e5", ".", "-", "1e", "1e+",
                     "0x1p3", "1_000", "١", "1 2", "--1", "\"a\"", "true"] {
            XCTAssertEqual(try number(text), .notANumber, text)
        }
        XCTAssertEqual(try number("\"\""), .empty)
    }

    func testNaNInfinityAndOverflowAreNotFinite() throws {
        for text in ["nan", "NaN", "-nan", "inf", "-inf", "+Infinity", "INF", "1e309", "-1e400"] {
            XCTAssertEqual(try number(text), .notFinite, text)
        }
        XCTAssertEqual(try number("1e-400"), .finite(0), "underflow is 0, as NumPy reads it")
    }

    /// The nearest double, as NumPy's reader (correctly rounded, like Python's float()) gives it.
    func testNumbersAreCorrectlyRounded() throws {
        XCTAssertEqual(try number("0.1"), .finite(0.1))
        XCTAssertEqual(try number("-1.6595599059485195"), .finite(-1.6595599059485195))
        // Halfway cases and the smallest normal/subnormal numbers, which naive readers get wrong.
        XCTAssertEqual(try number("9007199254740993"), .finite(9007199254740992))
        XCTAssertEqual(try number("2.2250738585072014e-308"), .finite(Double.leastNormalMagnitude))
        XCTAssertEqual(try number("2.2250738585072011e-308"), .finite(Double.leastNormalMagnitude.nextDown))
        XCTAssertEqual(try number("4.9406564584124654e-324"), .finite(Double.leastNonzeroMagnitude))
        XCTAssertEqual(try number("1.7976931348623157e308"), .finite(Double.greatestFiniteMagnitude))
    }
}
