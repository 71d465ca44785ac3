import Foundation
import PerceptronCore
import XCTest
@testable import PerceptronApp

/// The worked arithmetic of explain mode shows the engine's own numbers: every number on every
/// phase is checked against the trace of an independent `Trainer` at that state, to the digits shown.
final class ExplanationTests: XCTestCase {
    private func explanation(data: String = "notebook", step: Int, sample: Int = 0, ascii: Bool = false,
                             width: Int = 76) throws -> (Explanation, StepTrace, Trainer) {
        var trainer = try Trainer(dataset: Dataset.named(data))
        trainer.advance(by: step)
        let trace = trainer.trace()
        var next = trainer
        next.advance()
        return (Explanation(trace: trace, dataset: trainer.dataset, nextLoss: next.loss(), sample: sample, ascii: ascii,
                            width: width), trace, next)
    }

    /// A number as the screen writes it ("−0.166", "+0.441", "0.6084", "1.2e-3") back to a Double.
    private func value(_ token: Substring) -> Double? {
        Double(token.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "+", with: ""))
    }

    /// Checks that `token` is `expected` correctly rounded to the digits shown.
    private func assertShows(_ token: Substring, _ expected: Double, _ what: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let shown = value(token) else { return XCTFail("\(what): '\(token)' is not a number", file: file, line: line) }
        let mantissa = token.split(separator: "e").first ?? token
        let decimals = mantissa.split(separator: ".").count == 2 ? mantissa.split(separator: ".")[1].count : 0
        var tolerance = 0.5 * pow(10, -Double(decimals)) * 1.000001
        if let exponent = token.split(separator: "e").dropFirst().first, let e = value(exponent) { tolerance *= pow(10, e) }
        XCTAssertLessThanOrEqual(abs(shown - expected), tolerance, "\(what): shows \(token), the engine has \(expected)",
                                 file: file, line: line)
    }

    private func matches(_ pattern: String, _ text: String) -> [[Substring]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (1..<match.numberOfRanges).map { Substring(ns.substring(with: match.range(at: $0))) }
        }
    }

    private let number = "([−+]?[0-9][0-9.]*(?:e-?[0-9]+)?)"

    /// The issue's (and the notebook's) first forward pass: state 0, sample 1.
    func testForwardPhaseWritesOutTheNotebooksFirstPass() throws {
        let (e, _, _) = try explanation(step: 0)
        let text = e.lines(.forward).map(\.text)
        XCTAssertTrue(text.contains("  = 0·(−0.166) + 1·(+0.441) + 0·(−1.000) + 0 = 0.441"), text.joined(separator: "\n"))
        XCTAssertTrue(text.contains("ŷ = σ(z) = 1/(1+e^(−0.441)) = 0.6084"), text.joined(separator: "\n"))
        // The numbers are train's state 0 (w = 2·random − 1 with seed 1, b = 0, ŷ₁ = 0.6084136604602889).
        let update = e.lines(.update).map(\.text)
        XCTAssertTrue(update.contains("w₁ ← −0.166 − 1·(−0.304) = +0.138"), update.joined(separator: "\n"))
    }

    /// Every number of every phase, at several states, samples and data sets, is the engine's.
    func testEveryPhaseShowsTheEnginesTrace() throws {
        for (data, step, sample) in [("notebook", 0, 0), ("notebook", 1, 1), ("notebook", 37, 2), ("notebook", 1000, 3),
                                     ("and", 50, 3), ("xor", 7, 1), ("or", 400, 0)] {
            let (e, trace, next) = try explanation(data: data, step: step, sample: sample)
            let where_ = "\(data) state \(step) sample \(sample + 1)"
            let dataset = try Dataset.named(data)
            let n = dataset.inputCount, m = dataset.sampleCount

            // Forward: the selected sample's sum term by term, its z and ŷ; every other sample's z and ŷ.
            let forward = e.lines(.forward).map(\.text)
            let sum = try XCTUnwrap(forward.first { $0.hasPrefix("  = ") }, where_)
            let products = matches("([0-9.]+)·\\(" + number + "\\)", sum)
            XCTAssertEqual(products.count, n, where_)
            for (j, product) in products.enumerated() {
                assertShows(product[0], dataset.inputs[sample * n + j], "\(where_) x\(j + 1)")
                assertShows(product[1], trace.weightsBefore[j], "\(where_) w\(j + 1)")
            }
            let biasAndZ = try XCTUnwrap(matches("\\+ \\(?" + number + "\\)? = " + number + "$", sum).first, sum)
            assertShows(biasAndZ[0], trace.biasBefore, "\(where_) b")
            assertShows(biasAndZ[1], trace.z[sample], "\(where_) z")
            let sigmoid = try XCTUnwrap(matches("e\\^\\(" + number + "\\)\\) = " + number, forward.joined(separator: "\n")).first)
            assertShows(sigmoid[0], -trace.z[sample], "\(where_) −z")
            assertShows(sigmoid[1], trace.predictions[sample], "\(where_) ŷ")
            let others = forward.compactMap { line in matches("^#([0-9]+) z = .* = " + number + ", ŷ = " + number + "$", line).first }
            XCTAssertEqual(others.count, m - 1, where_)
            for other in others {
                let s = try XCTUnwrap(Int(other[0])) - 1
                assertShows(other[1], trace.z[s], "\(where_) z of #\(s + 1)")
                assertShows(other[2], trace.predictions[s], "\(where_) ŷ of #\(s + 1)")
            }

            // Loss: every sample's term, and L.
            let loss = e.lines(.loss).map(\.text)
            let terms = loss.compactMap { matches("^#([0-9]+) y = .* = " + number + "$", $0).first }
            XCTAssertEqual(terms.count, m, where_)
            for term in terms {
                let s = try XCTUnwrap(Int(term[0])) - 1
                assertShows(term[1], -trace.lossTerms[s], "\(where_) loss term #\(s + 1)")
            }
            let total = try XCTUnwrap(loss.compactMap { matches("^L = .* = " + number + "$", $0).first }.first)
            assertShows(total[0], trace.loss, "\(where_) L")

            // Backward: dz per sample, each x·dz product, each gradient.
            let backward = e.lines(.backward).map(\.text).joined(separator: "\n")
            let dz = matches("#([0-9]+) " + number + " − " + number + " = " + number, backward)
            XCTAssertEqual(dz.count, m, where_)
            for d in dz {
                let s = try XCTUnwrap(Int(d[0])) - 1
                assertShows(d[1], trace.predictions[s], "\(where_) ŷ in dz #\(s + 1)")
                assertShows(d[2], dataset.targets[s], "\(where_) y in dz #\(s + 1)")
                assertShows(d[3], trace.dz[s], "\(where_) dz #\(s + 1)")
            }
            for j in 0..<n {
                let name = "∂L/∂w" + DisplayFormat.subscriptDigits(j + 1)
                let row = try XCTUnwrap(e.lines(.backward).map(\.text).first { $0.hasPrefix(name + " ") }, where_)
                let inner = matches("([0-9.]+)·\\(" + number + "\\)", row)
                XCTAssertEqual(inner.count, m, row)
                for (s, product) in inner.enumerated() {
                    assertShows(product[0], dataset.inputs[s * n + j], "\(where_) x in \(name)")
                    assertShows(product[1], trace.dz[s], "\(where_) dz in \(name)")
                }
                assertShows(try XCTUnwrap(matches("\\) = " + number + "$", row).first)[0], trace.weightGradient[j], "\(where_) \(name)")
            }
            let bias = try XCTUnwrap(matches("∂L/∂b = .*\\) = " + number, backward).first)
            assertShows(bias[0], trace.biasGradient, "\(where_) ∂L/∂b")

            // Update: before − α·gradient = after, for every parameter; the new loss is the next state's.
            let update = e.lines(.update).map(\.text).joined(separator: "\n")
            let steps = matches("← " + number + " − " + number + "·\\(" + number + "\\) = " + number, update)
            let before = trace.weightsBefore + [trace.biasBefore], gradients = trace.weightGradient + [trace.biasGradient]
            XCTAssertEqual(steps.count, n + 1, where_)
            for (k, s) in steps.enumerated() {
                assertShows(s[0], before[k], "\(where_) parameter \(k) before")
                assertShows(s[1], trace.learningRate, "\(where_) α")
                assertShows(s[2], gradients[k], "\(where_) gradient \(k)")
                // The engine's next state: what `train` prints for state k+1.
                assertShows(s[3], next.parameters[k], "\(where_) parameter \(k) after")
            }
            XCTAssertEqual(trace.weightsAfter + [trace.biasAfter], next.parameters, where_)
            let newLoss = try XCTUnwrap(matches("new loss L = " + number, update).first)
            assertShows(newLoss[0], next.loss(), "\(where_) new loss")
        }
    }

    /// At 80×24 (76 columns of text) every worked line fits; in ASCII every line is ASCII and the
    /// same lines fit, so the frame does not shift.
    func testLinesFitAndASCIISpellingsAreASCII() throws {
        for data in ["notebook", "and"] {
            for ascii in [false, true] {
                let (e, _, _) = try explanation(data: data, step: 3, sample: 2, ascii: ascii)
                for phase in ExplainPhase.allCases {
                    for line in e.lines(phase) {
                        XCTAssertLessThanOrEqual(line.width, 76, "\(phase): \(line.text)")
                        if ascii { XCTAssertTrue(line.text.allSatisfy(\.isASCII), "\(phase): \(line.text)") }
                    }
                }
            }
        }
        let (narrow, _, _) = try explanation(step: 0, width: 40)
        for phase in ExplainPhase.allCases {
            for line in narrow.lines(phase) where line.text.contains("(1/4)·(") || line.text.contains("·(−") {
                XCTAssertLessThanOrEqual(line.width, 40, "long sums wrap: \(line.text)")
            }
        }
        let (ascii, _, _) = try explanation(step: 0, ascii: true)
        XCTAssertTrue(ascii.lines(.forward).map(\.text).contains("p = s(z) = 1/(1+e^(-0.441)) = 0.6084"))
    }

    /// A hidden layer: each hidden unit's sum, the output's, the chain rule through the hidden units,
    /// every gradient and every update are the engine's per-layer trace; squared error has its own lines.
    func testHiddenLayerPhasesShowTheEnginesTrace() throws {
        let models: [(String, Trainer, Int)] = [
            ("trask-3layer", try Trainer(preset: .trask3Layer), 0),
            ("notebook 3-3-1", try Trainer(dataset: Dataset.named("notebook"), model: ModelSpec(hiddenUnits: 3)), 2),
        ]
        for (name, start, sample) in models {
            for step in [0, 60] {
                var trainer = start
                trainer.advance(by: step)
                let trace = trainer.trace()
                var next = trainer
                next.advance()
                let e = Explanation(trace: trace, dataset: trainer.dataset, loss: trainer.model.loss, nextLoss: next.loss(),
                                    sample: sample, ascii: false, width: 76)
                let hidden = trace.layers[0], output = trace.layers[1]
                let h = hidden.layer.unitCount, n = trainer.dataset.inputCount, m = trainer.dataset.sampleCount
                let where_ = "\(name) state \(step)"
                func joined(_ phase: ExplainPhase) -> String {
                    e.lines(phase).map(\.text).joined(separator: "\n").replacingOccurrences(of: " \\+\n +", with: " + ", options: .regularExpression)
                }

                let forward = joined(.forward)
                for j in 0..<h {
                    let row = try XCTUnwrap(matches("z1_\(j + 1) = (.*) = " + number + " → a1_\(j + 1) = " + number, forward).first, where_)
                    let products = matches("([0-9.]+)·\\(" + number + "\\)", String(row[0]))
                    XCTAssertEqual(products.count, n, where_)
                    for (i, product) in products.enumerated() {
                        assertShows(product[1], hidden.layer.weights[i * h + j], "\(where_) w1_\(i + 1)_\(j + 1)")
                    }
                    assertShows(row[1], hidden.z[sample * h + j], "\(where_) z1_\(j + 1)")
                    assertShows(row[2], hidden.activations[sample * h + j], "\(where_) a1_\(j + 1)")
                }
                let z2 = try XCTUnwrap(matches("\nz2 = ([0-9].*) = " + number + "\n", forward).first, forward)
                let feeds = matches("([0-9.]+)·\\(" + number + "\\)", String(z2[0]))
                XCTAssertEqual(feeds.count, h, where_)
                for (j, feed) in feeds.enumerated() {
                    assertShows(feed[0], hidden.activations[sample * h + j], "\(where_) a1_\(j + 1) into z2")
                    assertShows(feed[1], output.layer.weights[j], "\(where_) w2_\(j + 1)")
                }
                assertShows(z2[1], output.z[sample], "\(where_) z2")
                assertShows(try XCTUnwrap(matches("ŷ = σ\\(z2\\) = .* = " + number, forward).first)[0], output.activations[sample], where_)

                let loss = joined(.loss)
                if trainer.model.loss == .squared {
                    let terms = matches("#([0-9]+) \\(" + number + " − " + number + "\\)² = " + number, loss)
                    XCTAssertEqual(terms.count, m, loss)
                    for t in terms {
                        let s = try XCTUnwrap(Int(t[0])) - 1
                        assertShows(t[3], trace.lossTerms[s], "\(where_) (y − ŷ)² of #\(s + 1)")
                    }
                    assertShows(try XCTUnwrap(matches("L = ½·\\(.*\\) = " + number, loss).first)[0], trace.loss, "\(where_) L")
                } else {
                    assertShows(try XCTUnwrap(matches("L = .* = " + number, loss).first)[0], trace.loss, "\(where_) L")
                }

                let backward = joined(.backward)
                let dz2 = matches("#([0-9]+) [^#\n]* = " + number, backward)
                XCTAssertEqual(dz2.count, m, backward)
                for d in dz2 { assertShows(d[1], output.dz[try XCTUnwrap(Int(d[0])) - 1], "\(where_) dz2") }
                for j in 0..<h {
                    let g = try XCTUnwrap(matches("∂L/∂w2_\(j + 1) = .*\\) = " + number, backward).first, backward)
                    assertShows(g[0], output.weightGradient[j], "\(where_) ∂L/∂w2_\(j + 1)")
                    let chain = try XCTUnwrap(matches("dz1_\(j + 1) = \\(" + number + "\\)·\\(" + number + "\\)·" + number
                                                      + "·\\(1−[0-9.]+\\) = " + number, backward).first, backward)
                    assertShows(chain[0], output.dz[sample], "\(where_) dz2 in dz1_\(j + 1)")
                    assertShows(chain[1], output.layer.weights[j], "\(where_) w2_\(j + 1) in dz1_\(j + 1)")
                    assertShows(chain[2], hidden.activations[sample * h + j], "\(where_) a1_\(j + 1) in dz1_\(j + 1)")
                    assertShows(chain[3], hidden.dz[sample * h + j], "\(where_) dz1_\(j + 1)")
                    for i in 0..<n {
                        let w = try XCTUnwrap(matches("∂L/∂w1_\(i + 1)_\(j + 1) = .*\\) = " + number, backward).first, backward)
                        assertShows(w[0], hidden.weightGradient[i * h + j], "\(where_) ∂L/∂w1_\(i + 1)_\(j + 1)")
                    }
                }

                let update = joined(.update)
                for (k, parameter) in trainer.parameterNames.enumerated() {
                    let row = try XCTUnwrap(matches("\(parameter) +← " + number + " − " + number + "·\\(" + number + "\\) = " + number, update).first,
                                            "\(where_) \(parameter)\n\(update)")
                    assertShows(row[0], trainer.parameters[k], "\(where_) \(parameter) before")
                    assertShows(row[3], next.parameters[k], "\(where_) \(parameter) after")
                }
                assertShows(try XCTUnwrap(matches("new loss L = " + number, update).first)[0], next.loss(), "\(where_) new loss")
            }
        }
    }
}
