import Foundation
import TestSupport
import XCTest

/// `perceptron frame --panel NAME`, `--zoom 6` and `--axes` through the real executable.
final class FramePanelCommandTests: XCTestCase {
    private func frame(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(perceptronExecutablePath(), ["frame"] + arguments,
                              environment: ProcessRunner.environment(adding: [:], removing: ["NO_COLOR"]),
                              timeout: .seconds(60))
    }

    func testPanelPrintsOnePanelFillingTheSize() throws {
        let result = try frame(["--data", "xor", "--hidden", "4", "--step", "300", "--panel", "boundary", "--size", "40x12"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 12, result.stdout)
        XCTAssertTrue(lines.first?.hasPrefix("┌ Boundary x₁→ x₂↑") ?? false, result.stdout)
        XCTAssertTrue(lines.last?.hasPrefix("└") ?? false, "no status bar below the box:\n\(result.stdout)")
        for name in ["diagram", "weights", "sigmoid", "loss", "predictions"] {
            let other = try frame(["--data", "xor", "--hidden", "4", "--panel", name, "--size", "60x16"])
            XCTAssertEqual(other.status, 0, other.stderr)
            XCTAssertTrue(other.stdout.hasPrefix("┌ "), "\(name):\n\(other.stdout)")
        }
        let network = try frame(["--data", "xor", "--hidden", "4", "--panel", "diagram", "--size", "60x16"])
        XCTAssertTrue(network.stdout.hasPrefix("┌ Network 3-4-1 · sample 1 of 4"), network.stdout)
    }

    func testZoomSixIsTheBoundary() throws {
        let result = try frame(["--step", "100", "--zoom", "6"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("┌ Decision boundary · x₁→ x₂↑ · x₃=0 (sample 1)"), result.stdout)
        XCTAssertFalse(result.stdout.contains("Predictions"), result.stdout)
    }

    func testAxesChooseTheBoundarysInputs() throws {
        let result = try frame(["--step", "100", "--panel", "boundary", "--size", "60x12", "--axes", "x3,1", "--sample", "3"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("┌ Decision boundary · x₃→ x₁↑ · x₂=1 (sample 3)"), result.stdout)
    }

    func testBadPanelZoomOrAxesAreRefusedWithOneLine() throws {
        let cases: [([String], String)] = [
            (["--axes", "1,1"], "--axes '1,1' is not allowed: use two different inputs from 1 to 3, e.g. 1,2"),
            (["--axes", "1,4"], "--axes '1,4' is not allowed"),
            (["--axes", "2"], "--axes '2' is not allowed"),
            (["--data", "and", "--axes", "1,3"], "--axes '1,3' is not allowed: use two different inputs from 1 to 2"),
            (["--panel", "nope"], "--panel 'nope' is not allowed: use diagram, weights, sigmoid, loss, predictions, boundary, landscape"),
            (["--zoom", "8"], "--zoom '8' is not allowed: use 1 (diagram), 2 (weights), 3 (sigmoid), 4 (loss), 5 (predictions), "
                + "6 (boundary) or 7 (landscape)"),
        ]
        for (arguments, expected) in cases {
            let result = try frame(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "\(arguments): \(result.stderr)")
        }
    }
}
