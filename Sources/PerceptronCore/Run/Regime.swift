/// What training is doing, in a word, judged from the losses of recent states.
public enum Regime: String, Sendable, CaseIterable {
    case converging, plateau, oscillating, diverging

    /// Relative change per 1,000 steps below which the loss counts as flat.
    public static let plateauThreshold = 1e-6

    /// Classifies recent (step, loss) pairs, oldest first, ending at the current state; nil with
    /// fewer than two states. Not finite at the end, or rising overall: diverging. Changing by
    /// less than `plateauThreshold` of itself per 1,000 steps: plateau. Going up and down more
    /// than it goes anywhere: oscillating. Falling: converging.
    public static func classify(_ points: [(step: Int, loss: Double)]) -> Regime? {
        guard let last = points.last else { return nil }
        if !last.loss.isFinite { return .diverging }
        let finite = points.filter { $0.loss.isFinite }
        guard finite.count >= 2, let first = finite.first, last.step > first.step else { return nil }
        var travelled = 0.0, reversals = 0, previousSign = 0.0
        for (a, b) in zip(finite, finite.dropFirst()) {
            let change = b.loss - a.loss
            travelled += abs(change)
            let sign: Double = change > 0 ? 1 : change < 0 ? -1 : 0
            if sign != 0 {
                if previousSign != 0, sign != previousSign { reversals += 1 }
                previousSign = sign
            }
        }
        let scale = max(abs(last.loss), .leastNormalMagnitude)
        let perThousandSteps = 1000 / Double(last.step - first.step)
        if travelled / scale * perThousandSteps < plateauThreshold { return .plateau }
        let net = last.loss - first.loss
        if reversals >= 2, travelled > 2 * abs(net) { return .oscillating }
        return net > 0 ? .diverging : .converging
    }
}
