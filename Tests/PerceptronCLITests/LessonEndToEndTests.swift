import Foundation
import TerminalUI
import TestSupport
import XCTest

/// The notebook lesson played through every slide in a real terminal, as a lecturer would.
final class LessonEndToEndTests: XCTestCase {
    private func titles() throws -> [String] {
        let result = try ProcessRunner.run(perceptronExecutablePath(), ["lesson", "--check", "notebook"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // "3/15 line 19 The perceptron · notebook …": the title sits between the line number and the "·".
        return result.stdout.split(separator: "\n").dropLast().map { line in
            let words = line.split(separator: " ", omittingEmptySubsequences: false)
            let title = words.dropFirst(3).prefix { $0 != "·" }
            return title.joined(separator: " ")
        }
    }

    /// What shows of a slide's title: in projection mode the top row of its first line in big
    /// letters, otherwise the title itself.
    private func shown(_ title: String, presenting: Bool, width: Int) -> String {
        guard presenting, let first = BigText.wrap(title, width: width - 2).first,
              let top = BigText.lines(first).first else { return title }
        return String(top.reversed().drop { $0 == " " }.reversed())
    }

    private func play(_ arguments: [String], width: Int, height: Int) throws {
        let presenting = arguments.contains("--present")
        let titles = try titles().map { shown($0, presenting: presenting, width: width) }
        XCTAssertEqual(titles.count, 15)
        let session = try TmuxSession(arguments: [perceptronExecutablePath(), "lesson", "notebook"] + arguments,
                                      width: width, height: height)
        for (i, title) in titles.enumerated() {
            // Slides 7 to 10 explain a step at more length than fits: there PgDn reads on first
            // (checked on slide 7), so `.` turns the page.
            if i == 7 {
                try session.sendKeys("PageDown")
                let readOn = try session.waitFor("lines above (PgUp)")
                XCTAssertTrue(readOn.contains("slide 7/15"), readOn)
            }
            if i > 0 { try session.sendKeys((7...10).contains(i) || i % 2 == 1 ? "." : "PageDown") }
            let screen = try session.waitFor("slide \(i + 1)/15")
            XCTAssertTrue(screen.contains(title), "slide \(i + 1): \(title)\n\(screen)")
        }
        // One past the end stays on the last slide; back with PgUp and `,`; `:` jumps.
        try session.sendKeys("PageDown")
        _ = try session.waitFor("last slide")
        try session.sendKeys("PageUp")
        _ = try session.waitFor("slide 14/15")
        try session.sendKeys(",")
        _ = try session.waitFor("slide 13/15")
        try session.sendKeys(":", "6", "Enter")
        let forward = try session.waitFor("slide 6/15")
        XCTAssertTrue(forward.contains(titles[5]), forward)
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    func testPlaysEverySlideAt80x24() throws {
        try play([], width: 80, height: 24)
    }

    func testPlaysEverySlideInProjectionMode() throws {
        try play(["--present"], width: 100, height: 30)
    }
}
