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
    private let loss: Loss
    private let inputs: [Double]
    private let targets: [Double]
    private let inputCount: Int
    /// Per layer: inputs, units, where its weights and its biases (if any) start in `parameters`.
    private let shapes: [(inputs: Int, units: Int, weights: Int, biases: Int?)]
    private var parameters: [Double]
    /// Two activation buffers, one per layer in flight.
    private var current: [Double]
    private var next: [Double]

    init(trainer: Trainer, axes: (Int, Int)) {
        self.axes = axes
        loss = trainer.model.loss
        inputs = trainer.dataset.inputs
        targets = trainer.dataset.targets
        inputCount = trainer.dataset.inputCount
        parameters = trainer.parameters
        var offset = 0
        shapes = trainer.layers.map { layer in
            let weights = offset
            offset += layer.weights.count
            let biases = layer.biases.map { _ in offset }
            offset += layer.biases?.count ?? 0
            return (layer.inputCount, layer.unitCount, weights, biases)
        }
        let widest = max(trainer.dataset.inputCount, trainer.layers.map(\.unitCount).max() ?? 1)
        current = [Double](repeating: 0, count: widest)
        next = current
    }

    /// The model's loss at the parameters as they are now.
    private mutating func evaluate() -> Double {
        var total = 0.0
        let m = targets.count
        for s in 0..<m {
            for i in 0..<inputCount { current[i] = inputs[s * inputCount + i] }
            for shape in shapes {
                for j in 0..<shape.units {
                    var z = shape.biases.map { parameters[$0 + j] } ?? 0
                    for i in 0..<shape.inputs { z += current[i] * parameters[shape.weights + i * shape.units + j] }
                    next[j] = 1 / (1 + exp(-z))
                }
                swap(&current, &next)
            }
            let y = targets[s], a = current[0]
            switch loss {
            case .crossEntropy: total += y * log(a) + (1 - y) * log(1 - a)
            case .squared: total += (y - a) * (y - a)
            }
        }
        return loss == .crossEntropy ? -total / Double(m) : 0.5 * total
    }

    /// L at parameters (u, v) on the two axes.
    func loss(_ u: Double, _ v: Double) -> Double {
        var probe = self
        probe.parameters[axes.0] = u
        probe.parameters[axes.1] = v
        return probe.evaluate()
    }

    /// L over a `columns` × `rows` grid of pixel centres, row 0 at the top (the largest v).
    func grid(u: ClosedRange<Double>, v: ClosedRange<Double>, columns: Int, rows gridRows: Int) -> [Double] {
        guard columns > 0, gridRows > 0 else { return [] }
        var probe = self
        var values = [Double](repeating: 0, count: columns * gridRows)
        for r in 0..<gridRows {
            probe.parameters[axes.1] = v.upperBound - (Double(r) + 0.5) / Double(gridRows) * (v.upperBound - v.lowerBound)
            for col in 0..<columns {
                probe.parameters[axes.0] = u.lowerBound + (Double(col) + 0.5) / Double(columns) * (u.upperBound - u.lowerBound)
                values[r * columns + col] = probe.evaluate()
            }
        }
        return values
    }

    /// L along the horizontal axis alone (the other parameters held), at `count` points across `u`.
    func slice(u: ClosedRange<Double>, count: Int) -> [Double] {
        var probe = self
        return (0..<max(0, count)).map { k in
            probe.parameters[axes.0] = u.lowerBound + Double(k) / Double(max(1, count - 1)) * (u.upperBound - u.lowerBound)
            return probe.evaluate()
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

    init(values: [Double], count: Int) {
        let finite = values.filter { $0.isFinite && $0 > 0 }
        low = finite.min() ?? 1
        high = finite.max() ?? 1
        self.count = max(1, count)
    }

    func band(_ value: Double) -> Int {
        guard value.isFinite else { return count - 1 }
        guard value > low, high > low else { return 0 }
        let t = (log(value) - log(low)) / (log(high) - log(low))
        return min(count - 1, max(0, Int(t * Double(count))))
    }

    /// The loss at the top of band `k`: for the legend.
    func edge(_ k: Int) -> Double { exp(log(low) + (log(high) - log(low)) * Double(k + 1) / Double(count)) }
}
