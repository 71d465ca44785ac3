import PerceptronCore

/// A lesson: slides, each a title, a caption and the scene it shows. Parsed from a `.lesson` file
/// by `Lesson.parse` (the format is documented in `docs/lessons.md`).
public struct Lesson: Sendable, Equatable {
    /// The name messages use for the file: its path, or "(built in) NAME.lesson".
    public var file: String
    public var slides: [Slide]

    public static let fileExtension = ".lesson"
    /// The largest step a slide may show: the scene is trained to it each time the slide is shown.
    public static let maximumStep = 1_000_000
}

/// Where a slide's data comes from.
public enum LessonData: Sendable, Equatable {
    /// A built-in table (`notebook`, `xor`, …).
    case builtIn(String)
    /// A CSV file, as written in the lesson (relative paths are relative to the lesson's folder).
    case file(String)
}

/// Which state of the run a slide shows.
public enum StepTarget: Sendable, Equatable {
    /// State N.
    case step(Int)
    /// The first state whose loss is below the value (within `Lesson.maximumStep`).
    case lossBelow(Double)
}

/// Everything that sets a slide's scene. A slide starts from the previous slide's settings.
public struct SlideSetup: Sendable, Equatable {
    public var data: LessonData = .builtIn(Dataset.defaultName)
    /// The line that set `data`, for a data file's errors.
    public var dataLine = 0
    public var seed: UInt32 = 1
    public var learningRate: Double = 1
    public var model: ModelSpec = .perceptron
    public var target: StepTarget = .step(0)
    /// Steps played live after the slide opens (running, then paused); 0 shows the state still.
    /// Not inherited: each slide says whether it runs.
    public var liveSteps = 0
    public var speed = Ladder.speeds[Ladder.defaultSpeedIndex]
    public var panel: Panel?
    public var explain: ExplainPhase?
    /// 1-based, as the screen numbers samples.
    public var sample = 1
    /// The line that set `sample`, checked against the data once it is loaded.
    public var sampleLine = 0
    public var projection = false

    public init() {}
}

public struct Slide: Sendable, Equatable {
    public var title: String
    /// Paragraphs of caption text (each wrapped to the screen when shown).
    public var caption: [String]
    /// The line of the `# title`.
    public var line: Int
    public var setup: SlideSetup
}

/// A lesson refused: `file:line: what is wrong; what is allowed`.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 0 when the problem is the whole file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if file.isEmpty { return message }
        return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}

extension Lesson {
    /// The directives, in the order `docs/lessons.md` lists them.
    public static let directives = ["data", "preset", "seed", "lr", "hidden", "loss", "bias", "step", "run", "speed",
                                    "zoom", "explain", "sample", "projection"]

    /// Parses a lesson's text; `file` names it in errors. Pure: a data file is only named here and
    /// loaded by whoever plays or checks the lesson.
    public static func parse(_ text: String, file: String) throws(LessonError) -> Lesson {
        var slides: [Slide] = []
        var setup = SlideSetup()
        var paragraph: [String] = []
        func fail(_ line: Int, _ message: String) -> LessonError { LessonError(file: file, line: line, message: message) }
        func endParagraph() {
            guard !paragraph.isEmpty, !slides.isEmpty else { paragraph = []; return }
            slides[slides.count - 1].caption.append(paragraph.joined(separator: " "))
            paragraph = []
        }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = Substring(raw)
            if line.last == "\r" { line = line.dropLast() }
            if let bad = line.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) }) {
                throw fail(number, "control character U+\(String(bad.value, radix: 16, uppercase: true)); "
                           + "a lesson is printable text (tabs allowed)")
            }
            let trimmed = line.replacingTabs.trimmed
            if trimmed.hasPrefix("//") { continue }
            if trimmed.isEmpty { endParagraph(); continue }
            if trimmed.hasPrefix("# ") || trimmed == "#" {
                endParagraph()
                let title = trimmed.dropFirst().trimmed
                guard !title.isEmpty else { throw fail(number, "a slide needs a title: write '# Title'") }
                if var last = slides.last {
                    // The live run belongs to its own slide.
                    last.setup.liveSteps = 0
                    setup = last.setup
                }
                slides.append(Slide(title: String(title), caption: [], line: number, setup: setup))
                continue
            }
            if trimmed.hasPrefix("@") {
                endParagraph()
                let body = trimmed.dropFirst()
                let name = String(body.prefix { !$0.isWhitespace })
                var value = String(body.dropFirst(name.count).trimmed)
                // A directive may end in a comment: " // …" after its value.
                if let comment = value.range(of: " //") { value = String(value[..<comment.lowerBound].trimmed) }
                var current = slides.last?.setup ?? setup
                try apply(name, value, line: number, to: &current, fail: fail)
                if slides.isEmpty { setup = current } else { slides[slides.count - 1].setup = current }
                continue
            }
            guard !slides.isEmpty else {
                throw fail(number, "text before the first slide; start a slide with '# Title' "
                           + "(before it only @directives and // comments)")
            }
            paragraph.append(String(trimmed))
        }
        endParagraph()
        guard !slides.isEmpty else { throw fail(0, "no slides; start each slide with a line '# Title'") }
        return Lesson(file: file, slides: slides)
    }

    private static func apply(_ name: String, _ value: String, line: Int, to setup: inout SlideSetup,
                              fail: (Int, String) -> LessonError) throws(LessonError) {
        func bad(_ allowed: String) -> LessonError {
            fail(line, "@\(name) '\(value)' is not allowed; \(allowed)")
        }
        func onOff() throws(LessonError) -> Bool {
            switch value {
            case "on", "yes": return true
            case "off", "no": return false
            default: throw bad("use on or off")
            }
        }
        switch name {
        case "data":
            if value.contains("/") || value.hasSuffix(".csv") {
                setup.data = .file(value)
            } else if Dataset.builtIn.contains(where: { $0.name == value }) {
                setup.data = .builtIn(value)
            } else {
                throw bad("use a built-in data set (" + Dataset.builtIn.map(\.name).joined(separator: ", ")
                          + ") or a path to a .csv file")
            }
            setup.dataLine = line
        case "preset":
            guard let preset = Preset(rawValue: value) else {
                throw bad("use " + Preset.allCases.map(\.rawValue).joined(separator: " or "))
            }
            setup.data = .builtIn(preset.datasetName)
            setup.dataLine = line
            setup.seed = preset.seed
            setup.learningRate = preset.learningRate
            setup.model = preset.model
        case "seed":
            guard let seed = wholeNumber(value).flatMap(UInt32.init(exactly:)) else {
                throw bad("use a whole number from 0 to 4294967295")
            }
            setup.seed = seed
        case "lr":
            guard let alpha = decimal(value), alpha > 0, alpha <= 100 else {
                throw bad("use a decimal number above 0 and at most 100, e.g. 0.5")
            }
            setup.learningRate = alpha
        case "hidden":
            if value == "none" {
                setup.model.hiddenUnits = nil
            } else if let units = wholeNumber(value), ModelSpec.hiddenUnitRange.contains(units) {
                setup.model.hiddenUnits = units
            } else {
                throw bad("use none (the perceptron) or a number of hidden units from 1 to 16")
            }
        case "loss":
            guard let loss = Loss(rawValue: value) else {
                throw bad("use " + Loss.allCases.map(\.rawValue).joined(separator: " or "))
            }
            setup.model.loss = loss
        case "bias":
            setup.model.hasBias = try onOff()
        case "step":
            let words = value.split(separator: " ")
            if let step = wholeNumber(value) {
                guard step <= Lesson.maximumStep else {
                    throw fail(line, "@step \(value) is out of range; use a step from 0 to \(Lesson.maximumStep)")
                }
                setup.target = .step(step)
            } else if words.count == 3, words[0] == "loss", words[1] == "<" || words[1] == "below",
                      let limit = decimal(String(words[2])), limit > 0 {
                setup.target = .lossBelow(limit)
            } else {
                throw bad("use a step from 0 to \(Lesson.maximumStep), or 'loss < X' for the first state whose loss is below X")
            }
        case "run":
            guard let steps = wholeNumber(value), steps >= 1, steps <= Lesson.maximumStep else {
                throw bad("use a number of steps to play live, from 1 to \(Lesson.maximumStep)")
            }
            setup.liveSteps = steps
        case "speed":
            guard let speed = wholeNumber(value), Ladder.speeds.contains(speed) else {
                throw bad("use one of " + Ladder.speeds.map(String.init).joined(separator: ", ") + " steps per second")
            }
            setup.speed = speed
        case "zoom":
            if value == "none" {
                setup.panel = nil
            } else if let panel = Panel(name: value) {
                setup.panel = panel
            } else {
                throw bad("use none or a panel: " + Panel.allCases.map(\.name).joined(separator: ", "))
            }
        case "explain":
            if value == "off" {
                setup.explain = nil
            } else if let phase = ExplainPhase(rawValue: value) {
                setup.explain = phase
            } else {
                throw bad("use off or a phase: " + ExplainPhase.allCases.map(\.rawValue).joined(separator: ", "))
            }
        case "sample":
            guard let sample = wholeNumber(value), sample >= 1 else { throw bad("use a sample number from 1") }
            setup.sample = sample
            setup.sampleLine = line
        case "projection":
            setup.projection = try onOff()
        default:
            throw fail(line, "unknown directive '@\(name)'; use one of " + directives.map { "@" + $0 }.joined(separator: ", "))
        }
    }

    /// Decimal digits only (no signs, no spaces), at most 9 of them.
    private static func wholeNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 10, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    /// A plain decimal number: digits, an optional fraction, an optional exponent.
    private static func decimal(_ text: String) -> Double? {
        let allowed = Set("0123456789.eE-+")
        guard !text.isEmpty, text.count <= 32, text.allSatisfy(allowed.contains), let first = text.first,
              first.isNumber || first == ".", let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

extension StringProtocol {
    var trimmed: Substring {
        let s = Substring(self)
        guard let start = s.firstIndex(where: { !$0.isWhitespace }),
              let end = s.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return s[start...end]
    }

    var replacingTabs: String { String(map { $0 == "\t" ? " " : $0 }) }
}
