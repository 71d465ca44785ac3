import Foundation
import Glibc
import TestSupport
import XCTest

/// `perceptron lesson` and `perceptron lessons` as a teacher meets them: checks, refusals, handouts.
final class LessonCommandTests: XCTestCase {
    private var temporaryDirectory: String = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/perceptron-lessons-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        temporaryDirectory = String(cString: try XCTUnwrap(made))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: temporaryDirectory)
    }

    private func perceptron(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(perceptronExecutablePath(), arguments, timeout: .seconds(60))
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = temporaryDirectory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func assertRefused(_ arguments: [String], _ expected: String, status: Int32 = 2,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try perceptron(arguments)
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(result.stderr, expected + "\n", file: file, line: line)
    }

    func testCheckPassesOnTheShippedLessonsWithOneLinePerSlide() throws {
        for (name, slides) in [("notebook", 15), ("trask", 9)] {
            let result = try perceptron(["lesson", "--check", name])
            XCTAssertEqual(result.status, 0, result.stderr)
            let lines = result.stdout.split(separator: "\n")
            XCTAssertEqual(lines.count, slides + 1, result.stdout)
            XCTAssertTrue(lines[0].hasPrefix("1/\(slides) line "), String(lines[0]))
            XCTAssertTrue(lines.last!.hasSuffix(": \(slides) slides, all fine"), String(lines.last!))
        }
    }

    func testListsTheShippedLessonsAndWhereTheyWereFound() throws {
        let result = try perceptron(["lessons"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = result.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        XCTAssertTrue(names.contains("notebook") && names.contains("trask"), result.stdout)
    }

    func testBadLessonFilesAreRefusedWithFileAndLine() throws {
        let unknown = try write("a.lesson", Array("# A\n@colour red\n".utf8))
        let result = try perceptron(["lesson", "--check", unknown])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("perceptron: \(unknown):2: unknown directive '@colour'; use one of @data"), result.stderr)
        XCTAssertEqual(result.stdout, "")

        let range = try write("b.lesson", Array("# A\n@step 2000000\n".utf8))
        try assertRefused(["lesson", "--check", range], "perceptron: \(range):2: @step 2000000 is out of range; use a step from 0 to 1000000")
        let empty = try write("c.lesson", Array("// nothing\n".utf8))
        try assertRefused(["lesson", "--check", empty], "perceptron: \(empty): no slides; start each slide with a line '# Title'")
        let latin1 = try write("d.lesson", [0x23, 0x20, 0x41, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A])
        let notUTF8 = try perceptron(["lesson", "--check", latin1])
        XCTAssertEqual(notUTF8.status, 2)
        XCTAssertTrue(notUTF8.stderr.hasPrefix("perceptron: \(latin1): "), notUTF8.stderr)
        XCTAssertTrue(notUTF8.stderr.contains("UTF-8"), notUTF8.stderr)
        XCTAssertEqual(notUTF8.stderr.split(separator: "\n").count, 1)
    }

    /// A FIFO named as the lesson, or as its data file, is refused without being opened (which would block).
    func testNonRegularFilesAreRefusedWithoutOpeningThem() throws {
        let fifo = temporaryDirectory + "/pipe.lesson"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let result = try perceptron(["lesson", "--check", fifo])
        XCTAssertEqual(result.status, 2)
        XCTAssertFalse(result.timedOut)
        XCTAssertTrue(result.stderr.hasPrefix("perceptron: \(fifo): "), result.stderr)
        XCTAssertTrue(result.stderr.contains("regular"), result.stderr)

        XCTAssertEqual(mkfifo(temporaryDirectory + "/table.csv", 0o600), 0)
        let lesson = try write("data.lesson", Array("# A\n@data table.csv\n".utf8))
        let data = try perceptron(["lesson", "--check", lesson])
        XCTAssertEqual(data.status, 2)
        XCTAssertFalse(data.timedOut)
        XCTAssertTrue(data.stderr.hasPrefix("perceptron: \(lesson):2: data file "), data.stderr)
        XCTAssertTrue(data.stderr.contains("regular"), data.stderr)
    }

    /// A lesson's CSV file is read relative to the lesson and refused, naming the lesson's line, when bad.
    func testALessonCanUseTheClasssOwnTable() throws {
        _ = try write("class.csv", Array("hours,slept,passed\n1,8,0\n5,7,1\n6,4,1\n2,9,0\n".utf8))
        let lesson = try write("own.lesson", Array("# Our table\n@data class.csv\n@step 10\n".utf8))
        let checked = try perceptron(["lesson", "--check", lesson])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertTrue(checked.stdout.contains("1 slides, all fine") || checked.stdout.contains("1 slide, all fine"), checked.stdout)
        let frame = try perceptron(["lesson", lesson, "--handout", temporaryDirectory + "/own.html"])
        XCTAssertEqual(frame.status, 0, frame.stderr)
        let page = try String(contentsOfFile: temporaryDirectory + "/own.html", encoding: .utf8)
        XCTAssertTrue(page.contains("hours"), "the table's column names are on the slide")

        _ = try write("bad.csv", Array("a,b\n1,x\n".utf8))
        let badLesson = try write("bad.lesson", Array("# Bad\n@data bad.csv\n".utf8))
        let refused = try perceptron(["lesson", "--check", badLesson])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.hasPrefix("perceptron: \(badLesson):2: data file "), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("bad.csv"), refused.stderr)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
    }

    /// A table with fractional targets is the slide's loss's business: squared error learns them,
    /// cross-entropy refuses them at the @data line, as `--data` does with and without `--loss squared`.
    func testFractionalTargetsNeedASquaredErrorSlide() throws {
        _ = try write("grades.csv", Array("hours,score\n1,0.25\n3,0.5\n5,0.75\n".utf8))
        let squared = try write("squared.lesson", Array("# Grades\n@data grades.csv\n@loss squared\n@step 10\n".utf8))
        let accepted = try perceptron(["lesson", "--check", squared])
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        XCTAssertTrue(accepted.stdout.contains("squared"), accepted.stdout)

        // The second slide keeps the table but goes back to cross-entropy: refused there.
        let mixed = try write("mixed.lesson", Array("# Grades\n@data grades.csv\n@loss squared\n# Again\n@loss cross-entropy\n".utf8))
        let refused = try perceptron(["lesson", "--check", mixed])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.hasPrefix("perceptron: \(mixed):2: data file "), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("the target 'score' is 0.25: with cross-entropy loss"), refused.stderr)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
    }

    func testHandoutIsOnePageWithEverySlideAndWriteErrorsAreOneLine() throws {
        let out = temporaryDirectory + "/notebook.html"
        let result = try perceptron(["lesson", "notebook", "--handout", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        let page = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(page.components(separatedBy: "<pre class=\"frame\"").count, 16)
        XCTAssertTrue(page.contains("<h2>6. The first forward pass</h2>"))
        XCTAssertTrue(page.contains("0.6084"))
        XCTAssertFalse(page.contains("<script"))

        try assertRefused(["lesson", "notebook", "--handout", "/dev/null"],
                          "perceptron: /dev/null: not a regular file; write the handout to a new or regular file", status: 2)
        try assertRefused(["lesson", "notebook", "--handout", temporaryDirectory + "/no/such/x.html"],
                          "perceptron: cannot write \(temporaryDirectory)/no/such/x.html: No such file or directory", status: 1)
    }

    func testFrameFormatsShareTheRenderer() throws {
        let text = try perceptron(["frame", "--format", "text"])
        let plain = try perceptron(["frame"])
        XCTAssertEqual(text.stdout, plain.stdout)
        let ansi = try perceptron(["frame", "--format", "ansi"])
        XCTAssertEqual(ansi.stdout, try perceptron(["frame", "--color"]).stdout)
        let svg = try perceptron(["frame", "--format", "svg"])
        XCTAssertTrue(svg.stdout.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg.stdout)
        XCTAssertTrue(svg.stdout.contains("0.6084"))
        let html = try perceptron(["frame", "--format", "html"])
        XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>"))
        try assertRefused(["frame", "--format", "pdf"], "perceptron: --format 'pdf' is not allowed: use text, ansi, html or svg")
    }
}
