import ArgumentParser
import PerceptronApp
import PerceptronCore
import TerminalUI

/// `perceptron frame`: one screen of the visualiser as text, no terminal needed.
struct FrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Print the visualiser's screen at one step as plain text (or with ANSI colours).",
        discussion: """
            The same picture `perceptron watch` draws, paused at state K, deterministic to the byte: \
            for READMEs, lecture notes and tests.

            Example: perceptron frame --step 100 --size 80x24 --color
            """)

    @OptionGroup var training: TrainingOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("The state to show: after K gradient steps (0 to \(maximumFrameStep)).", valueName: "K"))
    var step: String = "0"

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Screen size as WIDTHxHEIGHT, e.g. 80x24 (1x1 up to 1000x1000).", valueName: "WxH"))
    var size: String = "80x24"

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("The sample traced through the diagram (1…m).", valueName: "I"))
    var sample: String = "1"

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Show one panel on the whole screen: 1 diagram, 2 weights, 3 sigmoid, 4 loss, 5 predictions, "
                               + "6 boundary, 7 landscape.", valueName: "N"))
    var zoom: String?

    @Option(name: .long,
            help: ArgumentHelp("Print only this panel, its box filling --size (no status bar): "
                               + Panel.allCases.map(\.name).joined(separator: ", ") + ".", valueName: "NAME"))
    var panel: String?

    @Option(name: .long, help: ArgumentHelp("Explain mode at one phase of the step: forward, loss, backward or update.",
                                            valueName: "PHASE"))
    var explain: String?

    @Flag(name: .long, help: "With --panel landscape: the slice view (the loss along one parameter, its tangent and the step).")
    var slice = false

    @Option(name: .long,
            help: ArgumentHelp("The decision boundary's axes: two different inputs, e.g. 1,3, x1,x3 or a file's columns studied,slept (default 1,2; key a).",
                               valueName: "I,J"))
    var axes: String?

    @Flag(name: .long, help: "Draw the loss plot on a log scale.")
    var log = false

    @Flag(name: .long, help: "The loss plot and sparklines show the recent states instead of the whole run.")
    var recent = false

    @Flag(name: .long, help: "Colour the frame with ANSI escape codes (24-bit colour).")
    var color = false

    @Option(name: .long, help: ArgumentHelp("Output: text (the default), ansi (as --color), html (a page) or svg (an image).",
                                            valueName: "FORMAT"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("With --color: truecolor, 256 or 8 colours.", valueName: "MODE"))
    var colors: String = "truecolor"

    func validate() throws {
        _ = try parseCount(step, flag: "--step", minimum: 0, maximum: maximumFrameStep)
        _ = try parseSize(size)
        _ = try zoomedPanel()
        _ = try onlyPanel()
        _ = try explainPhase()
        _ = try boundaryAxes()
        _ = try colorMode()
        _ = try outputFormat()
        // A built-in table's size is known now; a file's once it is read, in run().
        if !DataFile.namesFile(training.dataName), let table = try? training.dataset(with: model) {
            _ = try parseCount(sample, flag: "--sample", minimum: 1, maximum: table.sampleCount)
        }
    }

    func run() throws {
        let target = try parseCount(step, flag: "--step", minimum: 0, maximum: maximumFrameStep)
        let (width, height) = try parseSize(size)
        let trainer = try training.makeTrainer(model: model)
        let m = trainer.dataset.sampleCount
        var state = AppState(trainer: trainer, running: false, width: width, height: height)
        state.selectedSample = try parseCount(sample, flag: "--sample", minimum: 1, maximum: m) - 1
        state.logScale = log
        state.showWholeRun = !recent
        state.zoomedPanel = try zoomedPanel()
        state.explainPhase = try explainPhase()
        state.landscape.slice = slice
        if let chosen = try boundaryAxes() { state.boundaryAxes = chosen }
        let (themes, warnings) = try display.loadThemes()
        for warning in warnings { printError("perceptron: warning: \(warning)") }
        display.apply(themes, to: &state)
        state.fastForward(to: target)
        let buffer = try onlyPanel().map { view(state, panel: $0) } ?? view(state)
        switch try outputFormat() {
        case .text: try StandardOutput.writeLine(buffer.plainText)
        case .ansi: try StandardOutput.writeLine(buffer.ansiText(colorMode: try colorMode()))
        case .html: try StandardOutput.write(Array(Handout.framePage(buffer, theme: state.theme, title: "perceptron frame").utf8))
        case .svg: try StandardOutput.writeLine(Handout.frameSVG(buffer, theme: state.theme))
        }
    }
}

extension FrameCommand {
    func colorMode() throws -> ColorMode {
        switch colors {
        case "truecolor", "24bit": return .trueColor
        case "256": return .palette256
        case "8": return .palette8
        default: throw ValidationError("--colors '\(shown(colors))' is not allowed: use truecolor, 256 or 8")
        }
    }

    enum OutputFormat: String, CaseIterable { case text, ansi, html, svg }

    /// --format, or ansi for --color (they must agree when both are given).
    func outputFormat() throws -> OutputFormat {
        guard let format else { return color ? .ansi : .text }
        guard let chosen = OutputFormat(rawValue: format) else {
            throw ValidationError("--format '\(shown(format))' is not allowed: use text, ansi, html or svg")
        }
        if color, chosen != .ansi {
            throw ValidationError("--format \(chosen.rawValue) is not allowed with --color: --color is --format ansi")
        }
        return chosen
    }

    func explainPhase() throws -> ExplainPhase? {
        guard let explain else { return nil }
        guard let phase = ExplainPhase(rawValue: explain) else {
            throw ValidationError("--explain '\(shown(explain))' is not allowed: use forward, loss, backward or update")
        }
        return phase
    }

    func zoomedPanel() throws -> Panel? {
        guard let zoom else { return nil }
        guard let number = parseDecimalDigits(zoom), let panel = Panel(rawValue: number) else {
            throw ValidationError("--zoom '\(shown(zoom))' is not allowed: use 1 (diagram), 2 (weights), 3 (sigmoid), 4 (loss), "
                                  + "5 (predictions), 6 (boundary) or 7 (landscape)")
        }
        return panel
    }

    func boundaryAxes() throws -> AxisPair? {
        try parseAxes(axes, dataset: training.dataset(with: model))
    }

    func onlyPanel() throws -> Panel? {
        guard let panel else { return nil }
        guard let found = Panel(name: panel) else {
            throw ValidationError("--panel '\(shown(panel))' is not allowed: use "
                                  + Panel.allCases.map(\.name).joined(separator: ", "))
        }
        return found
    }
}

/// `--axes I,J`: two column names of the data file, or inputs' numbers from 1 (an `x` before
/// each allowed), as 0-based inputs of `dataset`; nil without the option.
func parseAxes(_ axes: String?, dataset: Dataset) throws -> AxisPair? {
    guard let axes else { return nil }
    guard let pair = AxisPair.parse(axes, dataset: dataset) else {
        let n = dataset.inputCount
        let names = dataset.columnNames.map { " or two of the columns " + $0.inputs.prefix(8).joined(separator: ", ") } ?? ""
        throw ValidationError("--axes '\(shown(axes))' is not allowed: use two different inputs from 1 to \(n)\(names), e.g. 1,2")
    }
    return pair
}

/// The largest `--step`: `frame` trains to it before drawing, with nothing on the screen, and 10^9
/// steps is already about 40 seconds at the engine's top speed (the `train` limit would be minutes).
let maximumFrameStep = 1_000_000_000

/// "80x24" → (80, 24), or a message saying what is allowed.
func parseSize(_ text: String) throws -> (Int, Int) {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = parseDecimalDigits(String(parts[0])), let height = parseDecimalDigits(String(parts[1])),
          (1...1000).contains(width), (1...1000).contains(height) else {
        throw ValidationError("--size '\(shown(text))' is not a size: use WIDTHxHEIGHT with each from 1 to 1000, e.g. 80x24")
    }
    return (width, height)
}
