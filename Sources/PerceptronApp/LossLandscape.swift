#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PerceptronCore
import TerminalUI

/// What the landscape panel shows: which two parameters, how far zoomed, map or slice.
public struct LandscapeSettings: Sendable, Equatable {
    /// The parameters on the horizontal and vertical axes (indices into `Trainer.parameters`);
    /// nil: the two with the largest |∂L/∂w| at the moment.
    public var horizontal: Int?
    public var vertical: Int?
    /// Each level halves the window around the current point (negative levels widen it).
    public var zoom = 0
    /// The slice view: L along the horizontal parameter alone, with the tangent and the step.
    public var slice = false

    public init() {}

    static let zoomRange = -4...8

    /// The two axes for `gradients`: the chosen ones, else the two largest |gradient| (ties: the earlier).
    func axes(gradients: [Double]) -> (Int, Int) {
        let count = gradients.count
        let ranked = gradients.indices.sorted { (abs(gradients[$0]), -$0) > (abs(gradients[$1]), -$1) }
        let first = horizontal.map { min(max(0, $0), count - 1) } ?? ranked[0]
        let second = vertical.map { min(max(0, $0), count - 1) } ?? ranked.first { $0 != first } ?? first
        return (first, second == first && count > 1 ? (first + 1) % count : second)
    }
}

/// The loss as a function of two parameters with the others held at the current state: the
/// landscape gradient descent walks on. Computed fresh for every frame, one forward pass per pixel,
/// from the model's layers (σ with the C library's exp: a picture, so the last bit does not matter,
/// and no allocation per point keeps a 200×60 screen cheap).
struct LossLandscape {
    let axes: (Int, Int)
    private let crossEntropy: Bool
    private let inputs: [Double]
    private let targets: [Double]
    private let inputCount: Int
    /// Per layer, four numbers: inputs, units, where its weights start in `parameters`, where its
    /// biases start (−1: none).
    private let layout: [Int]
    private let parameters: [Double]
    private let widest: Int

    init(trainer: Trainer, axes: (Int, Int)) {
        self.axes = axes
        crossEntropy = trainer.model.loss == .crossEntropy
        inputs = trainer.dataset.inputs
        targets = trainer.dataset.targets
        inputCount = trainer.dataset.inputCount
        parameters = trainer.parameters
        var offset = 0
        layout = trainer.layers.flatMap { layer -> [Int] in
            let weights = offset
            offset += layer.weights.count
            let biases = layer.biases == nil ? -1 : offset
            offset += layer.biases?.count ?? 0
            return [layer.inputCount, layer.unitCount, weights, biases]
        }
        widest = max(trainer.dataset.inputCount, trainer.layers.map(\.unitCount).max() ?? 1)
    }

    /// Raw views of one evaluation's data: a pixel's loss runs tens of thousands of times a frame
    /// and must not pay for bounds checks, reference counting or closures.
    private struct Kernel {
        let x: UnsafePointer<Double>, y: UnsafePointer<Double>, layout: UnsafePointer<Int>
        let p: UnsafeMutablePointer<Double>, a: UnsafeMutablePointer<Double>, b: UnsafeMutablePointer<Double>
        let layers: Int, m: Int, n: Int, crossEntropy: Bool

        /// The model's loss at the parameters `p` holds now.
        func loss() -> Double {
            var total = 0.0
            for s in 0..<m {
                var from = a, to = b
                for i in 0..<n { from[i] = x[s &* n &+ i] }
                for l in 0..<layers {
                    let inputs = layout[4 &* l], units = layout[4 &* l &+ 1], weights = layout[4 &* l &+ 2]
                    let biases = layout[4 &* l &+ 3]
                    for j in 0..<units {
                        var z = biases >= 0 ? p[biases &+ j] : 0
                        for i in 0..<inputs { z += from[i] * p[weights &+ i &* units &+ j] }
                        to[j] = 1 / (1 + exp(-z))
                    }
                    swap(&from, &to)
                }
                let target = y[s], out = from[0]
                if crossEntropy {
                    // One log where the target is a class, as every built-in table's is.
                    total += target == 1 ? log(out) : target == 0 ? log(1 - out) : target * log(out) + (1 - target) * log(1 - out)
                } else {
                    total += (target - out) * (target - out)
                }
            }
            return crossEntropy ? -total / Double(m) : 0.5 * total
        }
    }

    private func withKernel<R>(_ body: (Kernel) -> R) -> R {
        var p = parameters
        var a = [Double](repeating: 0, count: widest), b = a
        return inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                layout.withUnsafeBufferPointer { layout in
                    p.withUnsafeMutableBufferPointer { p in
                        a.withUnsafeMutableBufferPointer { a in
                            b.withUnsafeMutableBufferPointer { b in
                                body(Kernel(x: x.baseAddress!, y: y.baseAddress!, layout: layout.baseAddress!, p: p.baseAddress!,
                                            a: a.baseAddress!, b: b.baseAddress!, layers: layout.count / 4, m: y.count,
                                            n: inputCount, crossEntropy: crossEntropy))
                            }
                        }
                    }
                }
            }
        }
    }

    /// L at parameters (u, v) on the two axes.
    func loss(_ u: Double, _ v: Double) -> Double {
        withKernel { k in
            k.p[axes.0] = u
            k.p[axes.1] = v
            return k.loss()
        }
    }

    /// L over a `columns` × `rows` grid of pixel centres, row 0 at the top (the largest v).
    func grid(u: ClosedRange<Double>, v: ClosedRange<Double>, columns: Int, rows gridRows: Int) -> [Double] {
        guard columns > 0, gridRows > 0 else { return [] }
        var values = [Double](repeating: 0, count: columns * gridRows)
        values.withUnsafeMutableBufferPointer { out in
            withKernel { k in
                for r in 0..<gridRows {
                    k.p[axes.1] = v.upperBound - (Double(r) + 0.5) / Double(gridRows) * (v.upperBound - v.lowerBound)
                    for col in 0..<columns {
                        k.p[axes.0] = u.lowerBound + (Double(col) + 0.5) / Double(columns) * (u.upperBound - u.lowerBound)
                        out[r * columns + col] = k.loss()
                    }
                }
            }
        }
        return values
    }

    /// L along the horizontal axis alone (the other parameters held), at `count` points across `u`.
    func slice(u: ClosedRange<Double>, count: Int) -> [Double] {
        withKernel { k in
            (0..<max(0, count)).map { i in
                k.p[axes.0] = u.lowerBound + Double(i) / Double(max(1, count - 1)) * (u.upperBound - u.lowerBound)
                return k.loss()
            }
        }
    }
}

extension StepTrace {
    /// ∂L/∂p for every parameter, in `Trainer.parameters` order: each layer's weights, then its biases.
    var parameterGradients: [Double] { layers.flatMap { $0.weightGradient + ($0.biasGradient ?? []) } }
}

/// Contour bands: the loss on a log scale between the smallest and largest value shown, cut into
/// `count` equal bands (the band edges are the contour lines).
struct ContourBands {
    let low: Double
    let high: Double
    let count: Int
    private let logLow: Double
    private let bandsPerLog: Double

    init(values: [Double], count: Int) {
        let finite = values.filter { $0.isFinite && $0 > 0 }
        low = finite.min() ?? 1
        high = finite.max() ?? 1
        self.count = max(1, count)
        logLow = log(low)
        bandsPerLog = high > low ? Double(self.count) / (log(high) - logLow) : 0
    }

    func band(_ value: Double) -> Int {
        guard value.isFinite else { return count - 1 }
        guard value > low, bandsPerLog > 0 else { return 0 }
        return min(count - 1, max(0, Int((log(value) - logLow) * bandsPerLog)))
    }
}
