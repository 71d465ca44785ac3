import PerceptronCore
import TerminalUI

/// The four parts of one gradient step, in the order explain mode walks through them.
public enum ExplainPhase: String, CaseIterable, Sendable {
    case forward, loss, backward, update

    /// 1…4, in the order of a step.
    var number: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }
    /// The phase after this one; nil after `update` (the step is complete).
    var next: ExplainPhase? { number < Self.allCases.count ? Self.allCases[number] : nil }
    var previous: ExplainPhase? { number > 1 ? Self.allCases[number - 2] : nil }
}

/// What a piece of worked arithmetic is, so the panel can colour it; the explanation stays free of styles.
enum Tone: Equatable, Sendable {
    case text, dim, name, heading
    /// A parameter's value: coloured by its sign, as everywhere else.
    case parameter(Double)
    /// A result of the phase (z, ŷ, a loss, a gradient, a new weight).
    case result
    case good, bad
}

struct Span: Equatable, Sendable {
    var text: String
    var tone: Tone
}

/// One line of worked arithmetic.
struct ExplainLine: Equatable, Sendable {
    var spans: [Span]
    var text: String { spans.map(\.text).joined() }
    var width: Int { text.count }
    static let blank = ExplainLine(spans: [])
}

/// The symbols of the worked lines, spelled for the glyph set: the ASCII forms are chosen here,
/// before the lines are laid out, so an `--ascii` frame keeps its columns.
struct Notation: Sendable {
    let ascii: Bool
    var times: String { ascii ? "*" : "·" }
    var minus: String { ascii ? "-" : "−" }
    var sigma: String { ascii ? "s" : "σ" }
    var yHat: String { ascii ? "p" : "ŷ" }
    var sum: String { ascii ? "sum" : "Σ" }
    var alpha: String { ascii ? "lr" : "α" }
    var assign: String { ascii ? "<-" : "←" }
    var transpose: String { ascii ? "^T" : "ᵀ" }
    var hadamard: String { ascii ? "*" : "⊙" }
    var partial: String { ascii ? "d" : "∂" }
    var up: String { ascii ? "^" : "↑" }
    var down: String { ascii ? "v" : "↓" }
    var check: String { ascii ? "ok" : "✓" }
    var cross: String { ascii ? "NO" : "✗" }
    var arrow: String { ascii ? "->" : "→" }
    func sub(_ n: Int) -> String { ascii ? String(n) : DisplayFormat.subscriptDigits(n) }
    /// Numbers written with "−" become "-" in ASCII.
    func number(_ text: String) -> String { ascii ? String(text.map { $0 == "−" ? "-" : $0 }) : text }
}

/// The layers of a step as the explanation reads them: inputs, parameters before, forward values,
/// gradients and parameters after, all taken from the engine's trace (never recomputed).
struct WorkedLayer: Sendable {
    var inputCount: Int
    var unitCount: Int
    /// m × inputCount: the data for the first layer, the previous layer's activations after it.
    var inputs: [Double]
    var weights: [Double]       // inputCount × unitCount, i-major
    var biases: [Double]?
    var z: [Double]             // m × unitCount
    var activations: [Double]
    var dz: [Double]
    var weightGradient: [Double]
    var biasGradient: [Double]?
    var weightsAfter: [Double]
    var biasesAfter: [Double]?

    func weight(_ i: Int, _ j: Int) -> Double { weights[i * unitCount + j] }
}

/// A step written out in four phases with the engine's numbers, rounded for display only.
/// Pure: a trace in, lines of text out, so every number can be checked against the trace.
struct Explanation: Sendable {
    let trace: StepTrace
    let dataset: Dataset
    let layers: [WorkedLayer]
    /// The loss of the state after the step (from the engine), for the update phase; nil if unknown.
    let nextLoss: Double?
    let sample: Int
    let notation: Notation
    /// Columns a line may use; longer sums wrap onto continuation lines.
    let width: Int

    /// What the model minimises: the loss phase and the gradients' scale depend on it.
    let loss: Loss

    init(trace: StepTrace, dataset: Dataset, loss: Loss = .crossEntropy, nextLoss: Double?, sample: Int, ascii: Bool, width: Int) {
        self.trace = trace
        self.loss = loss
        self.dataset = dataset
        self.nextLoss = nextLoss
        self.sample = min(max(0, sample), dataset.sampleCount - 1)
        notation = Notation(ascii: ascii)
        self.width = max(20, width)
        layers = Self.layers(of: trace, dataset: dataset)
    }

    /// The trace's layers, each with the inputs it was fed: the data, then the previous layer's activations.
    static func layers(of trace: StepTrace, dataset: Dataset) -> [WorkedLayer] {
        var inputs = dataset.inputs
        return trace.layers.map { t in
            defer { inputs = t.activations }
            return WorkedLayer(inputCount: t.layer.inputCount, unitCount: t.layer.unitCount, inputs: inputs,
                               weights: t.layer.weights, biases: t.layer.biases, z: t.z, activations: t.activations, dz: t.dz,
                               weightGradient: t.weightGradient, biasGradient: t.biasGradient, weightsAfter: t.after.weights,
                               biasesAfter: t.after.biases)
        }
    }

    var m: Int { dataset.sampleCount }
    private var isPerceptron: Bool { layers.count == 1 }

    /// The lines of `phase`, the selected sample's first, then every other sample's as room allows
    /// (the panel shows what fits).
    func lines(_ phase: ExplainPhase) -> [ExplainLine] {
        switch phase {
        case .forward: forwardLines()
        case .loss: lossLines()
        case .backward: backwardLines()
        case .update: updateLines()
        }
    }

    // MARK: Names

    private func layerTag(_ l: Int) -> String { isPerceptron ? "" : String(l + 1) }
    func inputName(_ l: Int, _ i: Int) -> String {
        l == 0 ? "x" + notation.sub(i + 1) : "a" + layerTag(l - 1) + "_" + String(i + 1)
    }
    func zName(_ l: Int, _ j: Int) -> String {
        isPerceptron ? "z" : (l == layers.count - 1 && layers[l].unitCount == 1 ? "z" + layerTag(l) : "z\(layerTag(l))_\(j + 1)")
    }
    func activationName(_ l: Int, _ j: Int) -> String {
        l == layers.count - 1 ? notation.yHat : "a\(layerTag(l))_\(j + 1)"
    }
    /// A parameter's name, as `train`'s header spells it (w1…wn, b for the perceptron, with subscripts).
    func weightName(_ l: Int, _ i: Int, _ j: Int) -> String {
        if isPerceptron { return "w" + notation.sub(i + 1) }
        return layers[l].unitCount == 1 ? "w\(layerTag(l))_\(i + 1)" : "w\(layerTag(l))_\(i + 1)_\(j + 1)"
    }
    func biasName(_ l: Int, _ j: Int) -> String {
        if isPerceptron { return "b" }
        return layers[l].unitCount == 1 ? "b\(layerTag(l))" : "b\(layerTag(l))_\(j + 1)"
    }

    // MARK: Numbers (display only)

    /// A parameter, signed, in six columns: −0.166, +0.441.
    func parameter(_ v: Double) -> String { notation.number(DisplayFormat.signed(v, width: 6).trimmingLeadingSpaces) }
    /// A value of the data (an input, a target): 0, 1, 0.5.
    func input(_ v: Double) -> String { notation.number(signedMinus(v, width: 5)) }
    /// What feeds a sum: the data as it is (0, 1), an activation with its digits (0.460).
    func feed(_ l: Int, _ v: Double) -> String { l == 0 ? input(v) : notation.number(signedMinus(v, width: 5, trimZeros: false)) }
    /// A forward quantity (z, a sum): 0.441, −0.166.
    func quantity(_ v: Double) -> String { notation.number(signedMinus(v, width: 5, trimZeros: false)) }
    /// A probability or loss value: 0.6084.
    func probability(_ v: Double) -> String { notation.number(signedMinus(v, width: 6, trimZeros: false)) }
    /// A gradient or a dz, signed like a parameter (its sign is the point): +0.608, −0.304.
    func signedValue(_ v: Double) -> String { parameter(v) }

    private func signedMinus(_ v: Double, width: Int, trimZeros: Bool = true) -> String {
        guard v.isFinite, v < 0 else { return NumberFormat.fit(v, width: width, trimZeros: trimZeros) }
        let magnitude = NumberFormat.fit(-v, width: width, trimZeros: trimZeros)
        return magnitude.allSatisfy { $0 == "0" || $0 == "." } ? magnitude : "−" + magnitude
    }

    private func bias(_ v: Double) -> String { v == 0 ? "0" : "(" + parameter(v) + ")" }

    // MARK: Building blocks

    private func span(_ text: String, _ tone: Tone = .text) -> Span { Span(text: text, tone: tone) }
    private func line(_ spans: Span...) -> ExplainLine { ExplainLine(spans: spans) }

    /// `lead` then `terms` joined by `separator`, then `tail`, wrapped at `width`: continuation
    /// lines start under the first term.
    private func wrapped(_ lead: [Span], _ terms: [[Span]], separator: String, _ tail: [Span]) -> [ExplainLine] {
        let indent = String(repeating: " ", count: min(lead.map(\.text.count).reduce(0, +), width / 2))
        var lines: [ExplainLine] = []
        var current = lead
        var currentWidth = lead.map(\.text.count).reduce(0, +)
        var atStart = true
        for (index, term) in terms.enumerated() {
            let termWidth = term.map(\.text.count).reduce(0, +)
            let sep = atStart ? "" : separator
            let isLast = index == terms.count - 1
            // Room for the term and what must follow it on this line: the tail, or the separator before a break.
            let needed = sep.count + termWidth + (isLast ? tail.map(\.text.count).reduce(0, +) : separator.trimmingTrailingSpaces.count)
            if !atStart, currentWidth + needed > width {
                current.append(span(separator.trimmingTrailingSpaces, .dim))
                lines.append(ExplainLine(spans: current))
                current = [span(indent)]
                currentWidth = indent.count
                atStart = true
            }
            if !atStart { current.append(span(separator, .dim)); currentWidth += separator.count }
            current += term
            currentWidth += termWidth
            atStart = false
        }
        if currentWidth + tail.map(\.text.count).reduce(0, +) > width, !terms.isEmpty {
            lines.append(ExplainLine(spans: current))
            current = [span(indent)]
        }
        current += tail
        lines.append(ExplainLine(spans: current))
        return lines
    }

    private func sampleLabel(_ s: Int) -> String { "#\(s + 1)" }

    /// The samples: the selected one first, then the others in order.
    private var sampleOrder: [Int] { [sample] + (0..<m).filter { $0 != sample } }

    // MARK: Forward

    /// z = Σ inᵢ·wᵢ + b for one unit and sample, written with its numbers.
    private func sumTerms(_ l: Int, _ j: Int, _ s: Int) -> [[Span]] {
        let layer = layers[l]
        var terms: [[Span]] = (0..<layer.inputCount).map { i in
            let w = layer.weight(i, j)
            return [span(feed(l, layer.inputs[s * layer.inputCount + i])), span(notation.times, .dim),
                    span("(" + parameter(w) + ")", .parameter(w))]
        }
        if let b = layer.biases?[j] { terms.append([span(bias(b), .parameter(b))]) }
        return terms
    }

    private func sigmoidLine(_ l: Int, _ j: Int, _ s: Int, lead: String = "") -> ExplainLine {
        let layer = layers[l]
        let z = layer.z[s * layer.unitCount + j], a = layer.activations[s * layer.unitCount + j]
        let negated = z == 0 ? "0" : notation.number(DisplayFormat.signed(-z, width: 6).trimmingLeadingSpaces)
        return line(span(lead), span(activationName(l, j), .name), span(" = \(notation.sigma)(\(zName(l, j))) = 1/(1+e^(\(negated))) = "),
                    span(probability(a), .result))
    }

    private func forwardLines() -> [ExplainLine] {
        var lines: [ExplainLine] = []
        let x = dataset.row(sample).map { input($0) }.joined(separator: " ")
        lines.append(line(span("sample \(sample + 1) of \(m)", .heading),
                          span(": x = (\(x)), y = \(input(dataset.targets[sample]))", .dim)))
        for l in layers.indices {
            let layer = layers[l]
            for j in 0..<layer.unitCount {
                // The formula in names, once per layer, then each unit with its numbers.
                if j == 0 {
                    // A layer of several units: the formula for unit j, then each unit with its numbers.
                    let unit = layer.unitCount > 1
                    func generic(_ name: String) -> String { unit ? String(name.dropLast(String(j + 1).count)) + "j" : name }
                    var formula = (0..<layer.inputCount).map { inputName(l, $0) + notation.times + generic(weightName(l, $0, j)) }
                    if layer.biases != nil { formula.append(generic(biasName(l, j))) }
                    if layer.inputCount > 4 { formula = [formula[0], "…", formula[formula.count - 1]] }
                    lines.append(line(span(generic(zName(l, j)), .name), span(" = " + formula.joined(separator: " + "), .dim),
                                      span(unit ? ", " + generic(activationName(l, j)) + " = \(notation.sigma)(" + generic(zName(l, j)) + ")" : "", .dim)))
                }
                let lead = layer.unitCount > 1 || !isPerceptron ? zName(l, j) + " = " : String(repeating: " ", count: zName(l, j).count) + " = "
                let z = layer.z[sample * layer.unitCount + j]
                if layer.unitCount > 1 {
                    // A hidden unit: its sum and its activation on one line, so a layer fits a small screen.
                    let a = layer.activations[sample * layer.unitCount + j]
                    lines += wrapped([span(lead)], sumTerms(l, j, sample), separator: " + ",
                                     [span(" = "), span(quantity(z), .result), span(" \(notation.arrow) \(activationName(l, j)) = "),
                                      span(probability(a), .result)])
                } else {
                    lines += wrapped([span(lead)], sumTerms(l, j, sample), separator: " + ", [span(" = "), span(quantity(z), .result)])
                    lines.append(sigmoidLine(l, j, sample))
                }
            }
        }
        guard m > 1 else { return lines }
        lines.append(.blank)
        lines.append(line(span("every sample", .heading), span(": the same sum with its own x", .dim)))
        let output = layers.count - 1
        for s in sampleOrder where s != sample {
            let layer = layers[output]
            if isPerceptron {
                let z = layer.z[s]
                lines += wrapped([span(sampleLabel(s) + " z = ")], sumTerms(0, 0, s), separator: " + ",
                                 [span(" = "), span(quantity(z), .result), span(", \(notation.yHat) = "),
                                  span(probability(layer.activations[s]), .result)])
            } else {
                let hidden = (0..<layers[0].unitCount).map { probability(layers[0].activations[s * layers[0].unitCount + $0]) }
                lines.append(line(span(sampleLabel(s) + " a1 = (" + hidden.joined(separator: " ") + ")"),
                                  span(", \(notation.yHat) = "), span(probability(layer.activations[s]), .result)))
            }
        }
        return lines
    }

    // MARK: Loss

    private var isSquared: Bool { loss == .squared }

    /// The gradients' factor: cross-entropy averages over the samples, squared error sums.
    private var meanFactor: String { isSquared ? "" : "(1/\(m))\(notation.times)" }
    private var meanSymbol: String { isSquared ? "" : "(1/m)\(notation.times)" }

    private func lossLines() -> [ExplainLine] {
        if isSquared { return squaredLossLines() }
        var lines: [ExplainLine] = []
        let y = dataset.targets[sample]
        let output = layers[layers.count - 1]
        let a = output.activations[sample]
        let yh = notation.yHat, t = notation.times, minus = notation.minus
        lines.append(line(span("sample \(sample + 1) of \(m)", .heading), span(", y = \(input(y)): its term of the loss", .dim)))
        lines.append(line(span("\(minus)[y\(t)log \(yh) + (1\(minus)y)\(t)log(1\(minus)\(yh))]", .dim)))
        lines.append(line(span("  = \(minus)[\(input(y))\(t)log \(probability(a)) + \(input(1 - y))\(t)log(1\(minus)\(probability(a)))] = "),
                          span(probability(-trace.lossTerms[sample]), .result)))
        lines.append(.blank)
        let terms = (0..<m).map { [span(probability(-trace.lossTerms[$0]))] }
        lines += wrapped([span("L", .name), span(" = (1/m)\(t)\(notation.sum) terms = (1/\(m))\(t)(")], terms, separator: " + ",
                         [span(") = "), span(probability(trace.loss), .result)])
        guard m > 1 else { return lines }
        lines.append(.blank)
        lines.append(line(span("every sample's term", .heading)))
        for s in sampleOrder {
            let ys = dataset.targets[s], ps = output.activations[s]
            lines.append(line(span("\(sampleLabel(s)) y = \(input(ys)), \(yh) = \(probability(ps)): "),
                              span("\(minus)[\(input(ys))\(t)log \(probability(ps)) + \(input(1 - ys))\(t)log(1\(minus)\(probability(ps)))] = ", .dim),
                              span(probability(-trace.lossTerms[s]), .result)))
        }
        return lines
    }

    /// Squared error: ½·Σ(y − ŷ)², a sum over the samples (the engine's terms are (y − ŷ)²).
    private func squaredLossLines() -> [ExplainLine] {
        var lines: [ExplainLine] = []
        let yh = notation.yHat, minus = notation.minus
        let output = layers[layers.count - 1]
        lines.append(line(span("squared error", .heading), span(": each sample's term (y \(minus) \(yh))², L = ½\(notation.times)\(notation.sum) terms", .dim)))
        for s in sampleOrder {
            lines.append(line(span("\(sampleLabel(s)) (\(input(dataset.targets[s])) \(minus) \(probability(output.activations[s])))² = "),
                              span(probability(trace.lossTerms[s]), .result)))
        }
        lines.append(.blank)
        let terms = (0..<m).map { [span(probability(trace.lossTerms[$0]))] }
        lines += wrapped([span("L", .name), span(" = ½\(notation.times)(")], terms, separator: " + ",
                         [span(") = "), span(probability(trace.loss), .result)])
        return lines
    }

    // MARK: Backward

    /// Σ as a folded sum of signed values: 0.608 − 0.541 − 0.674 + 0.364.
    private func foldedSum(_ values: [Double]) -> [[Span]] {
        values.enumerated().map { index, v in
            let text = parameter(v)
            if index == 0 { return [span(text.hasPrefix("+") ? String(text.dropFirst()) : text)] }
            // "+0.364" → "+ 0.364": the sign becomes the operator.
            guard let sign = text.first, sign == "+" || sign == "−" || sign == "-" else { return [span("+ " + text)] }
            return [span(String(sign) + " " + text.dropFirst())]
        }
    }

    private func backwardLines() -> [ExplainLine] {
        var lines: [ExplainLine] = []
        let yh = notation.yHat, t = notation.times, minus = notation.minus, d = notation.partial
        let out = layers.count - 1
        let output = layers[out]
        let dzTerms: [[Span]]
        if isSquared {
            lines.append(line(span("dz\(layerTag(out)) = \(minus)(y \(minus) \(yh))\(t)\(yh)\(t)(1\(minus)\(yh))", .name), span("  the error times the sigmoid's slope", .dim)))
            dzTerms = (0..<m).map { s -> [Span] in
                let a = probability(output.activations[s])
                return [span(sampleLabel(s) + " "), span("\(minus)(\(input(dataset.targets[s])) \(minus) \(a))\(t)\(a)\(t)(1\(minus)\(a)) = "),
                        span(signedValue(output.dz[s]), .result)]
            }
        } else {
            lines.append(line(span("dz\(layerTag(out)) = \(yh) \(minus) y", .name), span("  how far each prediction is off", .dim)))
            dzTerms = (0..<m).map { s -> [Span] in
                [span(sampleLabel(s) + " "), span(probability(output.activations[s]) + " \(minus) " + input(dataset.targets[s]) + " = "),
                 span(signedValue(output.dz[s]), .result)]
            }
        }
        lines += wrapped([span("  ")], dzTerms, separator: "   ", [])
        for l in stride(from: out, through: 0, by: -1) {
            let layer = layers[l]
            if l < out {
                let next = layers[l + 1]
                lines.append(line(span("dz\(layerTag(l)) = dz\(layerTag(l + 1))\(t)W\(layerTag(l + 1))\(notation.transpose) \(notation.hadamard) A\(layerTag(l)) \(notation.hadamard) (1\(minus)A\(layerTag(l)))", .name),
                                  span("  sample \(sample + 1):", .dim)))
                for j in 0..<layer.unitCount {
                    let back = (0..<next.unitCount).map { k in
                        "(" + signedValue(next.dz[sample * next.unitCount + k]) + ")" + t + "(" + parameter(next.weight(j, k)) + ")"
                    }.joined(separator: " + ")
                    let a = layer.activations[sample * layer.unitCount + j]
                    lines.append(line(span("  \(zName(l, j).replacingZWithDZ) = \(back)\(t)\(probability(a))\(t)(1\(minus)\(probability(a))) = "),
                                      span(signedValue(layer.dz[sample * layer.unitCount + j]), .result)))
                }
            }
            let inputSymbol = l == 0 ? "X" : "A\(layerTag(l - 1))"
            lines.append(line(span("d\(isPerceptron ? "W" : "W" + layerTag(l)) = \(meanSymbol)\(inputSymbol)\(notation.transpose)\(t)dz\(layerTag(l))", .name),
                              span(isPerceptron ? "  each weight: x\(t)dz summed over the samples" : "  input\(t)dz summed over the samples", .dim)))
            for j in 0..<layer.unitCount {
                for i in 0..<layer.inputCount {
                    let terms = (0..<m).map { s -> [Span] in
                        [span(feed(l, layer.inputs[s * layer.inputCount + i]) + t + "(" + signedValue(layer.dz[s * layer.unitCount + j]) + ")")]
                    }
                    let g = layer.weightGradient[i * layer.unitCount + j]
                    lines += wrapped([span("\(d)L/\(d)\(weightName(l, i, j))", .name), span(" = \(meanFactor)(")], terms, separator: " + ",
                                     [span(") = "), span(signedValue(g), .result)])
                }
                if let gradients = layer.biasGradient {
                    let dzs = (0..<m).map { layer.dz[$0 * layer.unitCount + j] }
                    lines += wrapped([span("\(d)L/\(d)\(biasName(l, j))", .name), span(" = \(meanFactor)(")], foldedSum(dzs), separator: " ",
                                     [span(") = "), span(signedValue(gradients[j]), .result)])
                }
            }
        }
        return lines
    }

    // MARK: Update

    /// Every parameter of the step in `train`'s column order: (name, before, gradient, after).
    var parameterSteps: [(name: String, before: Double, gradient: Double, after: Double)] {
        var steps: [(String, Double, Double, Double)] = []
        for l in layers.indices {
            let layer = layers[l]
            for i in 0..<layer.inputCount {
                for j in 0..<layer.unitCount {
                    let k = i * layer.unitCount + j
                    steps.append((weightName(l, i, j), layer.weights[k], layer.weightGradient[k], layer.weightsAfter[k]))
                }
            }
            if let biases = layer.biases, let gradients = layer.biasGradient, let after = layer.biasesAfter {
                for j in 0..<layer.unitCount { steps.append((biasName(l, j), biases[j], gradients[j], after[j])) }
            }
        }
        return steps
    }

    private var alphaText: String { notation.number(NumberFormat.fit(trace.learningRate, width: 7)) }

    func updateHeading() -> ExplainLine {
        let d = notation.partial
        return line(span("w \(notation.assign) w \(notation.minus) \(notation.alpha)\(notation.times)\(d)L/\(d)w", .name),
                    span("  with \(notation.alpha) = \(alphaText), for every parameter", .dim))
    }

    /// "w₁ ← −0.166 − 1·(−0.304) = +0.138" for each parameter; `marks` appends the quiz's verdicts.
    func updateLines(marks: [String: Span] = [:]) -> [ExplainLine] {
        let steps = parameterSteps
        let nameWidth = steps.map(\.name.count).max() ?? 1
        var lines = [updateHeading()]
        for step in steps {
            let padded = step.name + String(repeating: " ", count: nameWidth - step.name.count)
            var spans = [span(padded, .name), span(" \(notation.assign) "), span(parameter(step.before), .parameter(step.before)),
                         span(" \(notation.minus) \(alphaText)\(notation.times)(" + signedValue(step.gradient) + ") = "),
                         span(parameter(step.after), .parameter(step.after))]
            if let mark = marks[step.name] { spans += [span("  "), mark] }
            lines.append(ExplainLine(spans: spans))
        }
        lines.append(.blank)
        lines.append(lossChangeLine())
        return lines
    }

    func lossChangeLine() -> ExplainLine {
        guard let next = nextLoss else { return line(span("L = "), span(probability(trace.loss), .result)) }
        let went: Span = next < trace.loss ? span("down \(notation.check)", .good)
            : next > trace.loss ? span("up \(notation.cross)", .bad) : span("unchanged", .dim)
        return line(span("new loss ", .heading), span("L = "), span(probability(next), .result),
                    span(" (was \(probability(trace.loss))): "), went)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// "z1_2" → "dz1_2".
    fileprivate var replacingZWithDZ: String { "d" + self }
}
