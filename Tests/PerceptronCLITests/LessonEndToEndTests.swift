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

    /// What may show of a slide's title: in projection mode the top row of its first line in big
    /// letters, or, when the caption takes those rows in large letters, the title on the rule.
    private func shown(_ title: String, presenting: Bool, width: Int) -> [String] {
        guard presenting, let first = BigText.wrap(title, width: width - 2).first,
              let top = BigText.lines(first).first else { return [title] }
        return [String(top.reversed().drop { $0 == " " }.reversed()), "━ \(title) ━"]
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
            XCTAssertTrue(title.contains { screen.contains($0) }, "slide \(i + 1): \(title)\n\(screen)")
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
        XCTAssertTrue(titles[5].contains { forward.contains($0) }, forward)
        try session.sendKeys("q")
        XCTAssertEqual(try session.waitForExit(), 0)
        try session.checkTerminalRestored()
    }

    /// In projection mode at 120x40 the sigmoid slide's caption is drawn in large letters; at
    /// 80x24 it does not fit them and is ordinary text, whole.
    func testProjectionDrawsTheCaptionInLargeLettersWhenItFits() throws {
        // The sigmoid slide's caption in lessons/notebook.lesson begins so.
        let start = "sigma(z) = 1 / (1 + e^-z) squashes"
        // The top row of those words in large letters; the last cell may be shared with the next glyph.
        let large = try XCTUnwrap(LargeText.lines(start).first).dropLast()
        let session = try TmuxSession(arguments: [perceptronExecutablePath(), "lesson", "notebook", "--present"],
                                      width: 120, height: 40)
        try session.sendKeys(":", "4", "Enter")
        let screen = try session.waitFor(String(large))
        XCTAssertTrue(screen.contains("slide 4/15"), screen)
        XCTAssertFalse(screen.contains(start), "the caption is not also in ordinary text:\n" + screen)
        // Its title is in big letters above it, so the words of the slide are all large.
        let title = try XCTUnwrap(BigText.lines("The sigmoid").first)
        XCTAssertTrue(screen.contains(title), screen)

        try session.resize(width: 80, height: 24)
        let small = try session.waitFor(start)
        XCTAssertFalse(small.contains(String(large)), small)
        XCTAssertTrue(small.contains("networks can model any function."), "the whole caption is there:\n" + small)
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
