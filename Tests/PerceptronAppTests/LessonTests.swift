import Foundation
import PerceptronCore
import TerminalUI
import XCTest
@testable import PerceptronApp

/// Golden files in Tests/Fixtures (record with PERCEPTRON_RECORD_FRAMES=1, look, commit).
func assertMatchesGolden(_ text: String, _ relativePath: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/\(relativePath)")
    if ProcessInfo.processInfo.environment["PERCEPTRON_RECORD_FRAMES"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("no golden file \(relativePath): record it with PERCEPTRON_RECORD_FRAMES=1", file: file, line: line)
        return
    }
    if golden != text {
        let ours = text.split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }
        let detail = first.map { "line \($0.offset + 1):\n  got      \($0.element.0)\n  expected \($0.element.1)" }
            ?? "line counts \(ours.count) vs \(theirs.count)"
        XCTFail("\(relativePath) differs from its golden file; \(detail)", file: file, line: line)
    }
}

func fixtureURL(_ relativePath: String, file: StaticString = #filePath) -> URL {
    URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/\(relativePath)")
}

func repositoryURL(_ relativePath: String, file: StaticString = #filePath) -> URL {
    URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(relativePath)
}

final class LessonParserTests: XCTestCase {
    private func parse(_ text: String) throws(LessonError) -> Lesson { try Lesson.parse(text, file: "t.lesson") }

    private func refusal(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let lesson = try parse(text)
            _ = try LessonPlayback(lesson) { _, _ in throw LessonTestError.noFiles }
            XCTFail("accepted: \(text)", file: file, line: line)
            return ""
        } catch {
            return error.description
        }
    }

    /// Every setting of every slide of the example, one line each, as a golden file.
    func testTheExampleParsesToItsGoldenDump() throws {
        let text = try String(contentsOf: fixtureURL("lessons/example.lesson"), encoding: .utf8)
        let lesson = try parse(text)
        var lines: [String] = []
        for slide in lesson.slides {
            let s = slide.setup
            lines.append("\(slide.line): \(slide.title)")
            for paragraph in slide.caption { lines.append("  | \(paragraph)") }
            lines.append("  data \(s.data) seed \(s.seed) lr \(s.learningRate) model \(s.model.summary(inputs: 3)) "
                         + "target \(s.target) live \(s.liveSteps) speed \(s.speed) panel \(s.panel?.name ?? "none") "
                         + "explain \(s.explain?.rawValue ?? "off") sample \(s.sample) projection \(s.projection)")
        }
        try assertMatchesGolden(lines.joined(separator: "\n") + "\n", "lessons/example.parsed.txt")
    }

    func testSlidesInheritTheSettingsBeforeThemButNotALiveRun() throws {
        let lesson = try parse("@seed 3\n# A\n@run 10\n@step 5\n# B\n")
        XCTAssertEqual(lesson.slides.map(\.setup.seed), [3, 3])
        XCTAssertEqual(lesson.slides.map(\.setup.target), [.step(5), .step(5)])
        XCTAssertEqual(lesson.slides.map(\.setup.liveSteps), [10, 0])
    }

    func testEachRefusalNamesTheLineWhatIsWrongAndWhatIsAllowed() {
        XCTAssertEqual(refusal("# A\n@colour red\n"),
                       "t.lesson:2: unknown directive '@colour'; use one of " + Lesson.directives.map { "@" + $0 }.joined(separator: ", "))
        XCTAssertEqual(refusal("# A\n\n@seed -1\n"), "t.lesson:3: @seed '-1' is not allowed; use a whole number from 0 to 4294967295")
        XCTAssertEqual(refusal("# A\n@lr 0\n"), "t.lesson:2: @lr '0' is not allowed; use a decimal number above 0 and at most 100, e.g. 0.5")
        XCTAssertEqual(refusal("# A\n@step 1000001\n"), "t.lesson:2: @step 1000001 is out of range; use a step from 0 to 1000000")
        XCTAssertEqual(refusal("# A\n@hidden 17\n"),
                       "t.lesson:2: @hidden '17' is not allowed; use none (the perceptron) or a number of hidden units from 1 to 16")
        XCTAssertEqual(refusal("# A\n@sample 5\n"), "t.lesson:2: @sample 5 is out of range; notebook has samples 1 to 4")
        XCTAssertEqual(refusal("// only a comment\n@seed 2\n"), "t.lesson: no slides; start each slide with a line '# Title'")
        XCTAssertEqual(refusal("hello\n# A\n"),
                       "t.lesson:1: text before the first slide; start a slide with '# Title' (before it only @directives and // comments)")
        XCTAssertEqual(refusal("# A\nbell \u{07}\n"), "t.lesson:2: control character U+7; a lesson is printable text (tabs allowed)")
        XCTAssertEqual(refusal("# A\n@data nosuch\n"),
                       "t.lesson:2: @data 'nosuch' is not allowed; use a built-in data set (notebook, trask, xor, and, or) or a path to a .csv file")
        XCTAssertEqual(refusal("# A\n@data table.csv\n"), "t.lesson:2: no files here")
        XCTAssertEqual(refusal("# A\n@step loss < 0.0000001\n@lr 0.001\n"),
                       "t.lesson:1: the loss stays at or above 1e-07 for 1000000 steps; use a larger value or @step N")
        XCTAssertEqual(refusal("# A\n@zoom everything\n"),
                       "t.lesson:2: @zoom 'everything' is not allowed; use none or a panel: "
                       + Panel.allCases.map(\.name).joined(separator: ", "))
        XCTAssertEqual(refusal("# A\n@explain sideways\n"),
                       "t.lesson:2: @explain 'sideways' is not allowed; use off or a phase: forward, loss, backward, update")
        XCTAssertEqual(refusal("# A\n@projection maybe\n"), "t.lesson:2: @projection 'maybe' is not allowed; use on or off")
    }

    /// `@step loss < X` finds the first state below X: the state before it is not.
    func testLossTargetIsTheFirstStateBelowIt() throws {
        let playback = try LessonPlayback(try parse("# A\n@step loss < 0.1\n")) { _, _ in throw LessonTestError.noFiles }
        let step = playback.steps[0]
        var trainer = playback.starts[0]
        trainer.advance(by: step - 1)
        XCTAssertGreaterThanOrEqual(trainer.loss(), 0.1)
        trainer.advance()
        XCTAssertLessThan(trainer.loss(), 0.1)
    }
}

enum LessonTestError: Error, CustomStringConvertible {
    case noFiles
    var description: String { "no files here" }
}

final class BuiltInLessonTests: XCTestCase {
    /// The compiled-in copies are the files in lessons/ (regenerate with scripts/make_builtin_lessons.sh).
    func testBuiltInCopiesMatchTheFiles() throws {
        let folder = repositoryURL("lessons")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".lesson") }
        XCTAssertEqual(Set(files.map { String($0.dropLast(7)) }), Set(BuiltInLessons.texts.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(BuiltInLessons.texts[String(file.dropLast(7))], text,
                           "\(file) differs from its compiled-in copy: run scripts/make_builtin_lessons.sh")
        }
    }

    private func notebook() throws -> LessonPlayback {
        let text = try XCTUnwrap(BuiltInLessons.texts["notebook"])
        return try LessonPlayback(try Lesson.parse(text, file: "notebook.lesson")) { _, _ in throw LessonTestError.noFiles }
    }

    private func slide(_ playback: LessonPlayback, titled title: String) throws -> Int {
        try XCTUnwrap(playback.lesson.slides.firstIndex { $0.title == title }, "no slide \(title)")
    }

    /// The numbers the slides talk about are the engine's, on the slides that show them.
    func testNotebookSlidesShowTheEnginesNumbers() throws {
        let playback = try notebook()
        let base = AppState(trainer: playback.starts[0], running: false, width: 80, height: 24)
        let forward = playback.scene(try slide(playback, titled: "The first forward pass"), like: base)
        let trainer = try Trainer(dataset: Dataset.named("notebook"), seed: 1)
        let p1 = trainer.predictions()[0]
        XCTAssertEqual(String(format: "%.4f", p1), "0.6084")  // the notebook prints 0.60841366
        let screen = view(forward).plainText
        XCTAssertTrue(screen.contains("ŷ " + String(format: "%.4f", p1)), screen)
        XCTAssertTrue(screen.contains(String(format: "%.6f", p1)), screen)

        let loss = playback.scene(try slide(playback, titled: "Measuring the loss"), like: base)
        XCTAssertEqual(loss.explainPhase, .loss)
        let lossScreen = view(loss).plainText
        XCTAssertTrue(lossScreen.contains("= " + String(format: "%.4f", trainer.loss())), lossScreen)
        XCTAssertEqual(String(format: "%.4f", trainer.loss()), "0.8223")

        // Trained: every prediction on the right side of 0.5.
        let trained = playback.scene(try slide(playback, titled: "Trained"), like: base)
        let predictions = trained.trainer.predictions()
        XCTAssertEqual(predictions.map { $0 >= 0.5 }, trained.trainer.dataset.targets.map { $0 >= 0.5 })
        // XOR: the perceptron cannot, the hidden layer can.
        let xor = playback.scene(try slide(playback, titled: "The limits: XOR"), like: base).trainer
        XCTAssertNotEqual(xor.predictions().map { $0 >= 0.5 }, xor.dataset.targets.map { $0 >= 0.5 })
        let hidden = playback.scene(try slide(playback, titled: "A hidden layer can"), like: base).trainer
        XCTAssertEqual(hidden.model.hiddenUnits, 4)
        XCTAssertEqual(hidden.predictions().map { $0 >= 0.5 }, hidden.dataset.targets.map { $0 >= 0.5 })
    }

    /// Trask's published 2-layer outputs after 10,000 steps appear on the slide that quotes them.
    func testTraskSlideShowsHisPublishedOutputs() throws {
        let text = try XCTUnwrap(BuiltInLessons.texts["trask"])
        let playback = try LessonPlayback(try Lesson.parse(text, file: "trask.lesson")) { _, _ in throw LessonTestError.noFiles }
        let base = AppState(trainer: playback.starts[0], running: false, width: 80, height: 24)
        let index = try XCTUnwrap(playback.lesson.slides.firstIndex { $0.title == "Output after training" })
        let state = playback.scene(index, like: base)
        // His blog's printed output (the forward pass of his last iteration).
        XCTAssertEqual(state.trainer.predictions().map { String(format: "%.8f", $0) },
                       ["0.00966449", "0.00786506", "0.99358898", "0.99211957"])
        XCTAssertTrue(view(state).plainText.contains("0.009664"))
        // His 3-layer error, mean |y − l2|, printed as Error:0.00858452565325 at step 10,000.
        let last = playback.scene(playback.count - 1, like: base).trainer
        XCTAssertEqual(last.model.hiddenUnits, 4)
        let error = zip(last.dataset.targets, last.predictions()).map { abs($0 - $1) }.reduce(0, +) / 4
        XCTAssertEqual(String(format: "%.12g", error), "0.00858452565325")
    }

    /// Going to a slide shows its scene whatever was done before: keys inside a slide, then away and back.
    func testGoingToASlideRebuildsItsSceneExactly() throws {
        let playback = try notebook()
        var state = playback.scene(0, like: AppState(trainer: playback.starts[0], running: false, width: 80, height: 24))
        state.themes = [.standard]
        update(&state, .key(.pageDown))
        let fresh = view(state)
        for key in [Key.character("n"), .character("n"), .character("]"), .down, .character("6")] { update(&state, .key(key)) }
        XCTAssertNotEqual(view(state), fresh)
        update(&state, .key(.character(".")))
        update(&state, .key(.character(",")))
        XCTAssertEqual(state.lesson?.index, 1)
        XCTAssertEqual(view(state), fresh)
        // The prompt: ":" then a number and Enter; a number out of range says so and stays.
        for key in [Key.character(":"), .character("1"), .character("3"), .enter] { update(&state, .key(key)) }
        XCTAssertEqual(state.lesson?.index, 12)
        XCTAssertEqual(state.step, 1000)
        for key in [Key.character(":"), .character("9"), .character("9"), .enter] { update(&state, .key(key)) }
        XCTAssertEqual(state.lesson?.index, 12)
        XCTAssertEqual(state.notice, "no slide 99: 1 to 15")
        update(&state, .key(.pageUp))
        XCTAssertEqual(state.lesson?.index, 11)
    }

    /// On an explanation longer than the screen, PgDn reads on first, then turns the page; `.` always turns it.
    func testPageDownReadsOnThroughAnExplanationThenTurnsThePage() throws {
        let text = "# Backward\n@preset trask-3layer\n@explain backward\n# Next\n"
        let playback = try LessonPlayback(try Lesson.parse(text, file: "t.lesson")) { _, _ in throw LessonTestError.noFiles }
        var state = playback.scene(0, like: AppState(trainer: playback.starts[0], running: false, width: 80, height: 24))
        XCTAssertTrue(explanationContinuesBelow(state))
        var presses = 0
        while state.lesson?.index == 0, presses < 50 {
            update(&state, .key(.pageDown))
            presses += 1
        }
        XCTAssertEqual(state.lesson?.index, 1)
        XCTAssertGreaterThan(presses, 1, "the explanation scrolled before the page turned")
        state = playback.scene(0, like: state)
        update(&state, .key(.character(".")))
        XCTAssertEqual(state.lesson?.index, 1)
    }

    /// A value typed into the edit or go-to prompt keeps its "." and "-": they belong to the prompt,
    /// not to the lesson's page keys or the quiz.
    func testPromptsInsideASlideKeepTheirKeys() throws {
        let playback = try notebook()
        let index = try slide(playback, titled: "The first forward pass")
        var state = playback.scene(index, like: AppState(trainer: playback.starts[0], running: false, width: 80, height: 24))
        update(&state, .key(.character("e")))
        XCTAssertNotNil(state.prompt)
        for c in "-0.5" { update(&state, .key(.character(c))) }
        update(&state, .key(.enter))
        XCTAssertEqual(state.lesson?.index, index, "still on the same slide")
        XCTAssertEqual(state.trainer.parameters[0], -0.5)
        update(&state, .key(.character("g")))
        for c in "1.5k" { update(&state, .key(.character(c))) }
        update(&state, .key(.enter))
        XCTAssertEqual(state.lesson?.index, index)
        for _ in 0..<200 where state.step < 1500 { update(&state, .tick(seconds: 1)) }
        XCTAssertEqual(state.step, 1500)
    }

    /// A live slide runs its steps and pauses exactly at the end of them.
    func testLiveRunPausesAtItsLastStep() throws {
        let playback = try notebook()
        let index = try slide(playback, titled: "Training")
        var state = playback.scene(index, like: AppState(trainer: playback.starts[0], running: false, width: 80, height: 24))
        XCTAssertTrue(state.running)
        for _ in 0..<100 { update(&state, .tick(seconds: 1)) }
        XCTAssertFalse(state.running)
        XCTAssertEqual(state.step, 200)
    }
}

final class LessonFrameSnapshotTests: XCTestCase {
    /// At 80x24 the caption leaves too few rows for the sigmoid, boundary and loss plots: they are
    /// left out (their rows go to the diagram) rather than drawn as empty boxes; with more rows
    /// they come back.
    func testACaptionNeverLeavesEmptyPlotBoxes() throws {
        let text = try XCTUnwrap(BuiltInLessons.texts["notebook"])
        let playback = try LessonPlayback(try Lesson.parse(text, file: "notebook.lesson")) { _, _ in throw LessonTestError.noFiles }
        let forward = try XCTUnwrap(playback.lesson.slides.firstIndex { $0.title == "The first forward pass" })
        var base = AppState(trainer: playback.starts[0], running: false, width: 80, height: 24)
        base.themes = [.standard]
        let small = view(playback.scene(forward, like: base)).plainText
        XCTAssertFalse(small.contains("Sigmoid"), small)
        XCTAssertTrue(small.contains("x₃ 0"), "the diagram keeps every input:\n" + small)
        base.height = 34
        let tall = view(playback.scene(forward, like: base)).plainText
        for title in ["Sigmoid", "Boundary", "Loss"] { XCTAssertTrue(tall.contains(title), title + " missing:\n" + tall) }
    }

    /// A few slides of the notebook lesson as the terminal shows them, at 80x24 and in projection mode.
    func testNotebookSlideFrames() throws {
        let text = try XCTUnwrap(BuiltInLessons.texts["notebook"])
        var playback = try LessonPlayback(try Lesson.parse(text, file: "notebook.lesson")) { _, _ in throw LessonTestError.noFiles }
        var base = AppState(trainer: playback.starts[0], running: false, width: 80, height: 24)
        base.themes = [.standard]
        for i in [0, 5, 6, 14] {
            try assertMatchesGolden(view(playback.scene(i, like: base)).plainText, "frames/lesson-notebook-80x24-slide\(i + 1).txt")
        }
        playback.forceProjection = true
        let sigmoid = try XCTUnwrap(playback.lesson.slides.firstIndex { $0.title == "The sigmoid" })
        try assertMatchesGolden(view(playback.scene(sigmoid, like: base)).plainText, "frames/lesson-notebook-80x24-present-slide\(sigmoid + 1).txt")
        // A title that needs two big lines does not fit under the panels at 80x24: it stays on the rule.
        let forward = view(playback.scene(5, like: base)).plainText
        XCTAssertTrue(forward.contains("━ The first forward pass ━"), forward)
        base.width = 100
        base.height = 30
        try assertMatchesGolden(view(playback.scene(5, like: base)).plainText, "frames/lesson-notebook-100x30-present-slide6.txt")
        // On larger screens the caption is in large letters.
        base.width = 120
        base.height = 40
        try assertMatchesGolden(view(playback.scene(sigmoid, like: base)).plainText, "frames/lesson-notebook-120x40-present-slide\(sigmoid + 1).txt")
        base.width = 200
        base.height = 60
        let loss = try XCTUnwrap(playback.lesson.slides.firstIndex { $0.title == "Measuring the loss" })
        try assertMatchesGolden(view(playback.scene(loss, like: base)).plainText, "frames/lesson-notebook-200x60-present-slide\(loss + 1).txt")
        var ascii = Theme.standard
        ascii.glyphs = .ascii
        base.themes = [ascii]
        try assertMatchesGolden(view(playback.scene(sigmoid, like: base)).plainText, "frames/lesson-notebook-200x60-present-slide\(sigmoid + 1)-ascii.txt")
    }
}

/// When a caption is set in large letters in projection mode, and what the scene keeps.
final class CaptionSettingTests: XCTestCase {
    private func state(_ text: String, slide: Int = 0, width: Int, height: Int, presenting: Bool = true,
                       ascii: Bool = false) throws -> AppState {
        var playback = try LessonPlayback(try Lesson.parse(text, file: "t.lesson")) { _, _ in throw LessonTestError.noFiles }
        playback.forceProjection = presenting
        var base = AppState(trainer: playback.starts[0], running: false, width: width, height: height)
        var theme = Theme.standard
        if ascii { theme.glyphs = .ascii }
        base.themes = [theme]
        return playback.scene(slide, like: base)
    }

    private func notebook(_ title: String, width: Int, height: Int, ascii: Bool = false) throws -> AppState {
        let text = try XCTUnwrap(BuiltInLessons.texts["notebook"])
        let lesson = try Lesson.parse(text, file: "notebook.lesson")
        let slide = try XCTUnwrap(lesson.slides.firstIndex { $0.title == title })
        return try state(text, slide: slide, width: width, height: height, ascii: ascii)
    }

    /// The large lines hold every word of the caption, in order, each within the screen.
    private func assertWhole(_ setting: CaptionPanel.Setting, of state: AppState, file: StaticString = #filePath, line: UInt = #line) throws {
        let large = try XCTUnwrap(setting.large, file: file, line: line)
        let caption = try XCTUnwrap(state.lesson).slide.caption
        XCTAssertEqual(large.map { $0.joined(separator: " ") }, caption, file: file, line: line)
        for text in large.joined() {
            XCTAssertLessThanOrEqual(LargeText.width(of: text, glyphs: state.theme.glyphs), state.width - 2, text, file: file, line: line)
        }
        XCTAssertEqual(setting.height, max(max(7, min(13, state.height / 3)),
                                           1 + setting.bigTitle.count * BigText.height
                                           + CaptionPanel.largeRows(large, paragraphGap: setting.paragraphGap)),
                       file: file, line: line)
    }

    func testOnlyProjectionModeUsesLargeLetters() throws {
        var plain = try notebook("The sigmoid", width: 120, height: 40)
        plain.presenting = false
        XCTAssertEqual(CaptionPanel.setting(for: plain), CaptionPanel.Setting(height: 6))
        var none = plain
        none.lesson = nil
        XCTAssertEqual(CaptionPanel.height(for: none), 0)
    }

    /// At 120x40 and 200x60 every shipped caption fits large letters; the scene keeps at least
    /// half the screen and never fewer rows than at 80x24.
    func testShippedCaptionsAreLargeOnBigScreens() throws {
        for name in ["notebook", "trask"] {
            let text = try XCTUnwrap(BuiltInLessons.texts[name])
            try assertLargeOnBigScreens(text)
        }
        // With room to spare the title is in big letters too.
        let wide = try notebook("Measuring the loss", width: 200, height: 60)
        XCTAssertEqual(CaptionPanel.setting(for: wide).bigTitle, ["Measuring the loss"])
    }

    private func assertLargeOnBigScreens(_ text: String) throws {
        let count = try Lesson.parse(text, file: "t.lesson").slides.count
        for (width, height) in [(120, 40), (200, 60)] {
            for slide in 0..<count {
                let state = try state(text, slide: slide, width: width, height: height)
                let setting = CaptionPanel.setting(for: state)
                try assertWhole(setting, of: state)
                let body = ScreenRows(state).body.height
                XCTAssertGreaterThanOrEqual(body, 14, "slide \(slide + 1) at \(width)x\(height)")
                XCTAssertGreaterThanOrEqual(body, (height - 2) / 2, "slide \(slide + 1) at \(width)x\(height)")
            }
        }
    }

    /// A caption too long for large letters keeps today's ordinary text, and says when it goes on
    /// beyond the box rather than being cut silently.
    func testTooLongACaptionFallsBackToOrdinaryText() throws {
        let sigmoid = try notebook("The sigmoid", width: 80, height: 24)
        let setting = CaptionPanel.setting(for: sigmoid)
        XCTAssertNil(setting.large)
        XCTAssertEqual(setting.height, 8)
        XCTAssertEqual(setting.bigTitle, ["The sigmoid"])
        XCTAssertTrue(view(sigmoid).plainText.contains("networks can model any function."))

        // Too long for large letters: ordinary text, with more rows than usual to hold all of it.
        let words = Array(repeating: "Lots of words that will never fit in large letters.", count: 24).joined(separator: " ")
        let long = try state("# Long\n" + words + " The end.\n", width: 120, height: 40)
        let fallback = CaptionPanel.setting(for: long)
        XCTAssertNil(fallback.large)
        XCTAssertGreaterThan(fallback.height, 13)
        XCTAssertGreaterThanOrEqual(ScreenRows(long).body.height, 19)
        let frame = view(long).plainText
        XCTAssertTrue(frame.contains("Lots of words"), frame)
        XCTAssertTrue(frame.contains("The end."), frame)
        XCTAssertFalse(frame.contains(" …"), frame)
        // Too long even for that: the caption says it goes on.
        let longer = try state("# Long\n" + words + " " + words + " The end.\n", width: 120, height: 40)
        let cut = view(longer).plainText
        XCTAssertFalse(cut.contains("The end."), cut)
        XCTAssertTrue(cut.contains(" …"), "a cut caption says so:\n" + cut)
    }

    /// A short caption is large even at 80x24; a long title then goes on the rule so the caption
    /// still fits, and in ASCII, whose pixels are twice as wide, the caption needs more room.
    func testShortCaptionsAreLargeAt80x24() throws {
        let short = try state("# Training\nThe loss falls.\n", width: 80, height: 24)
        let setting = CaptionPanel.setting(for: short)
        try assertWhole(setting, of: short)
        XCTAssertEqual(setting.bigTitle, ["Training"])
        let frame = view(short).plainText
        XCTAssertFalse(frame.contains("The loss falls."), frame)
        XCTAssertTrue(frame.contains(try XCTUnwrap(LargeText.lines("The loss falls.").first).trimmingCharacters(in: .whitespaces)), frame)

        let longTitle = try state("# A title far too long for big letters here\nThe loss falls as it runs.\n", width: 80, height: 24)
        let both = CaptionPanel.setting(for: longTitle)
        try assertWhole(both, of: longTitle)
        XCTAssertEqual(both.bigTitle, [])
        XCTAssertTrue(view(longTitle).plainText.contains("━ A title far too long for big letters here ━"))

        let sigmoid = try notebook("The sigmoid", width: 120, height: 40, ascii: true)
        XCTAssertNil(CaptionPanel.setting(for: sigmoid).large)
        let wide = try notebook("The sigmoid", width: 200, height: 60, ascii: true)
        try assertWhole(CaptionPanel.setting(for: wide), of: wide)
    }

    /// Paragraphs are set apart by one more blank row when there is room, and the `:` prompt
    /// shows in ordinary text over the large caption.
    func testParagraphsAndThePrompt() throws {
        let two = try state("# Two\nFirst part.\n\nSecond part.\n", width: 120, height: 40)
        let setting = CaptionPanel.setting(for: two)
        try assertWhole(setting, of: two)
        XCTAssertEqual(setting.large?.count, 2)
        XCTAssertEqual(setting.paragraphGap, 1)
        XCTAssertEqual(CaptionPanel.largeRows(try XCTUnwrap(setting.large), paragraphGap: 1), 2 + 1 + 1 + 2)
        var prompting = two
        prompting.lesson?.prompt = "1"
        let frame = view(prompting).plainText
        XCTAssertTrue(frame.contains("go to slide (1 to 1): 1_"), frame)
        XCTAssertEqual(ScreenRows(prompting).caption, ScreenRows(two).caption)
    }
}

final class MarkupRendererTests: XCTestCase {
    private func sample() -> Buffer {
        var buffer = Buffer(width: 12, height: 2)
        buffer.write("<a&b>", x: 0, y: 0, style: Style(foreground: .rgb(255, 0, 0), attributes: .bold))
        buffer.write("\"q'", x: 6, y: 0, style: Style(background: .rgb(0, 0, 255)))
        buffer.write("σ⣿ 漢", x: 0, y: 1, style: Style(foreground: .rgb(0, 128, 0), attributes: .reverse))
        return buffer
    }

    func testHTMLIsEscapedInlineAndGolden() throws {
        let html = sample().html(foreground: .rgb(200, 200, 200), background: .rgb(20, 20, 20))
        XCTAssertFalse(html.contains("<a&b>"))
        XCTAssertTrue(html.contains("&lt;a&amp;b&gt;"))
        XCTAssertFalse(html.contains("<script"))
        try assertMatchesGolden(html + "\n", "markup/sample.html")
    }

    func testSVGIsEscapedAndGolden() throws {
        let svg = sample().svg(foreground: .rgb(200, 200, 200), background: .rgb(20, 20, 20))
        XCTAssertTrue(svg.contains("&quot;q&#39;"))
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        try assertMatchesGolden(svg + "\n", "markup/sample.svg")
    }

    /// The handout page: every slide's title and caption, frames inline, no scripts or external files.
    func testHandoutPageIsSelfContained() throws {
        let text = "# One <b>\nCaption & more\n# Two\n@zoom loss\n"
        let playback = try LessonPlayback(try Lesson.parse(text, file: "x.lesson")) { _, _ in throw LessonTestError.noFiles }
        var base = AppState(trainer: playback.starts[0], running: false, width: 80, height: 24)
        base.themes = [.standard]
        let page = Handout.lessonPage(playback, like: base, title: "T")
        XCTAssertTrue(page.contains("<h2>1. One &lt;b&gt;</h2>"))
        XCTAssertTrue(page.contains("<p class=\"caption\">Caption &amp; more</p>"))
        XCTAssertTrue(page.contains("<h2>2. Two</h2>"))
        XCTAssertEqual(page.components(separatedBy: "<pre class=\"frame\"").count, 3)
        for banned in ["<script", "src=", "href=", "@import", "url("] { XCTAssertFalse(page.contains(banned), banned) }
        XCTAssertTrue(page.contains("@media print"))
    }

    /// A projection slide's handout frame leaves the caption to the page's text: it is not drawn
    /// again in large letters (nor the title in big ones).
    func testHandoutFramesLeaveTheCaptionToThePage() throws {
        let text = "# Short\n@projection on\n@zoom loss\nThe loss falls.\n"
        let playback = try LessonPlayback(try Lesson.parse(text, file: "x.lesson")) { _, _ in throw LessonTestError.noFiles }
        var base = AppState(trainer: playback.starts[0], running: false, width: 80, height: 24)
        base.themes = [.standard]
        // On screen the caption is large ...
        let screen = view(playback.scene(0, like: base)).plainText
        let large = try XCTUnwrap(LargeText.lines("The loss falls.").first).trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(screen.contains(large), screen)
        // ... in the handout it is the paragraph, and the frame has neither it nor the rule.
        let page = Handout.lessonPage(playback, like: base, title: "T")
        XCTAssertTrue(page.contains("<p class=\"caption\">The loss falls.</p>"))
        XCTAssertFalse(page.contains(large), page)
        XCTAssertFalse(page.contains("1/1"), page)
    }
}

final class DocumentedLessonTests: XCTestCase {
    /// The example lessons in README.md and docs/lessons.md are valid lessons.
    func testTheDocumentedExamplesAreValid() throws {
        for (file, firstLine) in [("README.md", "// notes for week 1"), ("docs/lessons.md", "// A comment: lines starting with // are ignored.")] {
            let text = try String(contentsOf: repositoryURL(file), encoding: .utf8)
            let start = try XCTUnwrap(text.range(of: firstLine), "\(file) has no example lesson")
            let end = try XCTUnwrap(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
            let example = String(text[start.lowerBound..<end.lowerBound])
            let lesson = try Lesson.parse(example, file: file)
            XCTAssertGreaterThanOrEqual(lesson.slides.count, 2, file)
            _ = try LessonPlayback(lesson) { _, _ in throw LessonTestError.noFiles }
        }
    }
}
