import ArgumentParser
import FileSupport
import PerceptronCore

/// The flags that choose a training run, shared by `train`, `watch`, `frame` and `bench`.
/// Numbers are read as text and checked here so that every refusal names the flag, the value and
/// what is allowed (swift-argument-parser's own message for a bad number does not say the range).
struct TrainingOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Seed of NumPy's legacy generator for the initial weights (0…4294967295).", valueName: "S"))
    var seed: String = "1"

    @Option(name: .customLong("lr"), parsing: .unconditional,
            help: ArgumentHelp("Learning rate α, a decimal number greater than 0 (e.g. 0.5, 1e-3).", valueName: "A"))
    var learningRate: String = "1"

    @Option(name: .customLong("data"),
            help: ArgumentHelp(DataSource.help, valueName: "NAME"))
    var dataFlag: String?

    var dataName: String { dataFlag ?? Dataset.defaultName }
    /// Whether `--data` was given (a preset's data set applies only when it was not).
    var dataGiven: Bool { dataFlag != nil }

    @Option(name: .long, help: ArgumentHelp("With --data FILE.csv: the target column (default: the last).", valueName: "NAME"))
    var target: String?

    @OptionGroup var math: MathOptions

    /// The checked values; `validate()` has already refused anything else.
    var seedValue: UInt32 { parseDecimalDigits(seed).flatMap { UInt32(exactly: $0) } ?? 1 }
    var learningRateValue: Double { (try? parseLearningRate(learningRate)) ?? 1 }
    /// The training table; a file is read here (and refused with file, line and column). Squared
    /// error learns targets anywhere in [0, 1], cross-entropy only 0 and 1.
    func loadDataset(rule: TargetRule = .zeroOrOne) throws -> Dataset {
        try DataSource.load(name: dataName, target: target, rule: rule)
    }

    func validate() throws {
        guard parseDecimalDigits(seed).flatMap({ UInt32(exactly: $0) }) != nil else {
            throw ValidationError("--seed '\(shown(seed))' is not allowed: use a whole number from 0 to 4294967295")
        }
        _ = try parseLearningRate(learningRate)
        try DataSource.check(name: dataName, target: target)
    }
}

/// The most steps `train`, `bench` and `watch` work towards: 10^10 is about seven minutes at the
/// engine's top speed (~24 million steps a second); more would be hours, mistaken for a hang.
let maximumSteps = 10_000_000_000

/// `text` as a flag value quoted in a message: escaped and short.
func shown(_ text: String) -> String { TerminalText.escaped(text, limit: 40) }

/// The value of a string of ASCII digits, nothing else: no sign, no spaces, no underscores, no
/// `0x`. nil when there are no digits, anything else, or more than an Int holds.
func parseDecimalDigits(_ text: String) -> Int? {
    guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    return Int(text)
}

/// Parses a whole number from `minimum` to `maximum` for a flag, or says what is allowed.
func parseCount(_ text: String, flag: String, minimum: Int, maximum: Int = maximumSteps) throws -> Int {
    guard let value = parseDecimalDigits(text), (minimum...maximum).contains(value) else {
        throw ValidationError("\(flag) '\(shown(text))' is not allowed: use a whole number from \(minimum) to \(maximum)")
    }
    return value
}

/// A learning rate: a decimal number (digits, an optional point and fraction, an optional
/// exponent), finite and greater than 0 as a Double. Hexadecimal (`0x1p-3`), `inf`, `nan`, a
/// leading `+` and spaces are refused: Swift's `Double(_:)` accepts them, Python's `float` (the
/// NumPy reference) does not accept all of them, and none is what a student means.
func parseLearningRate(_ text: String) throws -> Double {
    let allowed = "use a decimal number greater than 0, e.g. 0.5 or 1e-3"
    guard isDecimalNumber(text), let alpha = Double(text) else {
        throw ValidationError("--lr '\(shown(text))' is not allowed: \(allowed)")
    }
    guard alpha.isFinite else {
        throw ValidationError("--lr '\(shown(text))' is not allowed: it overflows to infinity; \(allowed)")
    }
    guard alpha > 0 else {
        // Non-zero digits that a Double cannot hold (1e-400) would train with α = 0: say so.
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        let underflows = !text.hasPrefix("-") && mantissa.contains { ("1"..."9").contains($0) }
        throw ValidationError("--lr '\(shown(text))' is not allowed: \(underflows ? "it underflows to 0; " : "")\(allowed)")
    }
    return alpha
}

/// `[-]digits[.digits][e[+|-]digits]` or `[-].digits…`: a decimal literal, nothing else.
func isDecimalNumber(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    func digits() -> Int {
        let count = bytes.prefix(while: { (0x30...0x39).contains($0) }).count
        bytes = bytes.dropFirst(count)
        return count
    }
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    var mantissa = digits()
    if bytes.first == UInt8(ascii: ".") {
        bytes = bytes.dropFirst()
        mantissa += digits()
    }
    guard mantissa > 0 else { return false }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
        bytes = bytes.dropFirst()
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
}
