import Foundation
import Glibc
import TestSupport
import XCTest

/// Numbers mean one thing, every count has a reachable maximum, and the parser's messages name
/// the real problem.
final class FlagTests: XCTestCase {
    private func perceptron(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(perceptronExecutablePath(), arguments, timeout: .seconds(30))
    }

    private func assertRefused(_ arguments: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try perceptron(arguments)
        XCTAssertFalse(result.timedOut, "\(arguments) hung", file: file, line: line)
        XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stdout, "", "\(arguments)", file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("perceptron: "), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(expected), "\(arguments): expected \(expected): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "\(arguments): \(result.stderr)", file: file, line: line)
    }

    // MARK: Item 12: upper limits

    func testCountsHaveAReachableMaximum() throws {
        try assertRefused(["train", "--steps", "10000000001"], "--steps '10000000001' is not allowed: use a whole number from 0 to 10000000000")
        try assertRefused(["train", "--steps", "9223372036854775807"], "--steps '9223372036854775807' is not allowed")
        try assertRefused(["train", "--steps", "99999999999999999999999"], "--steps '99999999999999999999999' is not allowed")
        try assertRefused(["train", "--steps", "1", "--every", "10000000001"], "--every '10000000001' is not allowed: use a whole number from 1 to 10000000000")
        try assertRefused(["bench", "--steps", "10000000001"], "--steps '10000000001' is not allowed")
        try assertRefused(["bench", "--steps", "5000000001", "--rounds", "2"], "at most 10000000000 steps in all")
        try assertRefused(["bench", "--rounds", "1001"], "--rounds '1001' is not allowed: use a whole number from 1 to 1000")
        // frame trains before it draws: its limit is what it reaches in well under a minute.
        try assertRefused(["frame", "--step", "9223372036854775807"], "--step '9223372036854775807' is not allowed: use a whole number from 0 to 1000000000")
        try assertRefused(["frame", "--step", "1000000001"], "--step '1000000001' is not allowed")
    }

    func testTheMaximumsAreDocumentedInTheHelp() throws {
        // The help is wrapped to the terminal: compare with the line breaks taken out.
        func help(_ command: String) throws -> String {
            try perceptron([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        XCTAssertTrue(try help("train").contains("0 to 10000000000"))
        XCTAssertTrue(try help("bench").contains("1 to 10000000000"))
        XCTAssertTrue(try help("frame").contains("0 to 1000000000)"))
    }

    // MARK: Item 13: decimal numbers only

    func testLearningRatesAreDecimalNumbers() throws {
        for value in ["0x10", "0x1p-3", "inf", "nan", "infinity", "+1", " 1", "1_0", "1e", "."] {
            try assertRefused(["train", "--steps", "1", "--lr", value], "--lr '\(value)' is not allowed: use a decimal number greater than 0")
        }
        try assertRefused(["train", "--steps", "1", "--lr", "1e-400"], "--lr '1e-400' is not allowed: it underflows to 0")
        try assertRefused(["train", "--steps", "1", "--lr", "1e400"], "--lr '1e400' is not allowed: it overflows to infinity")
        try assertRefused(["train", "--steps", "1", "--lr", "0.000"], "--lr '0.000' is not allowed: use a decimal number")
        // What a student writes is accepted and means what Python's float() says.
        let reference = try perceptron(["train", "--steps", "3", "--lr", "0.5"])
        for value in [".5", "5E-1", "0.5e+0"] {
            let result = try perceptron(["train", "--steps", "3", "--lr", value])
            XCTAssertEqual(result.status, 0, "\(value): \(result.stderr)")
            XCTAssertEqual(result.stdout, reference.stdout, value)
        }
    }

    func testWholeNumbersAreDigitsOnly() throws {
        for value in ["+5", " 5", "5_0", "0x5", "1e3", "٣"] {
            try assertRefused(["train", "--steps", value], "--steps '\(value)' is not allowed")
        }
        for value in ["+5", "5 ", "5_0"] {
            try assertRefused(["train", "--steps", "1", "--every", value], "--every '\(value)' is not allowed")
            try assertRefused(["train", "--steps", "1", "--seed", value], "--seed '\(value)' is not allowed")
            try assertRefused(["frame", "--step", value], "--step '\(value)' is not allowed")
            try assertRefused(["bench", "--rounds", value], "--rounds '\(value)' is not allowed")
            try assertRefused(["watch", "--speed", value], "--speed '\(value)' is not allowed")
        }
        try assertRefused(["frame", "--sample", "+1"], "--sample '+1' is not allowed: use a whole number from 1 to 4")
        try assertRefused(["frame", "--zoom", "+1"], "--zoom '+1' is not allowed")
        try assertRefused(["frame", "--size", "+80x24"], "--size '+80x24' is not a size")
        try assertRefused(["frame", "--size", "80x 24"], "--size '80x 24' is not a size")
        // Leading zeros are still the number.
        XCTAssertEqual(try perceptron(["train", "--steps", "003", "--seed", "01"]).stdout, try perceptron(["train", "--steps", "3"]).stdout)
    }

    // MARK: Item 14: parser messages

    func testParserMessagesNameTheRealProblem() throws {
        try assertRefused(["trian", "--steps", "1"], "'trian' is not a subcommand: use one of watch, train, frame, themes, bench")
        XCTAssertTrue(try perceptron(["trian", "--steps", "1"]).stderr.contains("did you mean 'train'?"))
        try assertRefused(["train", "--stesp", "5"], "Unknown option '--stesp'")
        try assertRefused(["frame", "--size", "-80x24"], "--size '-80x24' is not a size: use WIDTHxHEIGHT")
        try assertRefused(["help", "foo"], "'foo' is not a subcommand")
        try assertRefused(["train"], "--steps is required")
        // What worked keeps working.
        let help = try perceptron(["help", "train"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--steps"))
        XCTAssertEqual(try perceptron(["help"]).status, 0)
    }
}
