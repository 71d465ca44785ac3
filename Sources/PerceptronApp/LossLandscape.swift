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
/// landscape gradient descent walks on. Computed fresh from the model's own forward pass
/// (`Trainer.predict`), one grid point per pixel.
struct LossLandscape {
    let trainer: Trainer
    let axes: (Int, Int)
    private let rows: [[Double]]

    init(trainer: Trainer, axes: (Int, Int)) {
        self.trainer = trainer
        self.axes = axes
        rows = (0..<trainer.dataset.sampleCount).map { Array(trainer.dataset.row($0)) }
    }

    /// The model's loss for `probe` (the model with two parameters moved), from its own predictions.
    private func loss(_ probe: Trainer) -> Double {
        var total = 0.0
        switch trainer.model.loss {
        case .crossEntropy:
            for (i, x) in rows.enumerated() {
                let y = trainer.dataset.targets[i], a = probe.predict(x)
                total += y * log(a) + (1 - y) * log(1 - a)
            }
            return -total / Double(rows.count)
        case .squared:
            for (i, x) in rows.enumerated() {
                let e = trainer.dataset.targets[i] - probe.predict(x)
                total += e * e
            }
            return 0.5 * total
        }
    }

    /// L at parameters (u, v) on the two axes.
    func loss(_ u: Double, _ v: Double) -> Double {
        var probe = trainer
        probe.setParameter(axes.0, to: u)
        probe.setParameter(axes.1, to: v)
        return loss(probe)
    }

    /// L over a `columns` × `rows` grid of pixel centres, row 0 at the top (the largest v).
    func grid(u: ClosedRange<Double>, v: ClosedRange<Double>, columns: Int, rows gridRows: Int) -> [Double] {
        guard columns > 0, gridRows > 0 else { return [] }
        var probe = trainer
        var values = [Double](repeating: 0, count: columns * gridRows)
        for r in 0..<gridRows {
            probe.setParameter(axes.1, to: v.upperBound - (Double(r) + 0.5) / Double(gridRows) * (v.upperBound - v.lowerBound))
            for col in 0..<columns {
                probe.setParameter(axes.0, to: u.lowerBound + (Double(col) + 0.5) / Double(columns) * (u.upperBound - u.lowerBound))
                values[r * columns + col] = loss(probe)
            }
        }
        return values
    }

    /// L along the horizontal axis alone (the other parameters held), at `count` points across `u`.
    func slice(u: ClosedRange<Double>, count: Int) -> [Double] {
        var probe = trainer
        return (0..<max(0, count)).map { k in
            probe.setParameter(axes.0, to: u.lowerBound + Double(k) / Double(max(1, count - 1)) * (u.upperBound - u.lowerBound))
            return loss(probe)
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
