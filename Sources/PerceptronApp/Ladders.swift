/// The steps of the speed and learning-rate keys: 1-2-5 ladders, easy to read off the status bar.
public enum Ladder {
    /// Training speeds in steps per second, from 1 to a million.
    public static let speeds: [Int] = {
        var values: [Int] = []
        var decade = 1
        while decade <= 1_000_000 {
            for factor in [1, 2, 5] where decade * factor <= 1_000_000 { values.append(decade * factor) }
            decade *= 10
        }
        return values
    }()

    /// The speed the visualiser starts at: slow enough to follow each step, fast enough to see learning.
    public static let defaultSpeedIndex = speeds.firstIndex(of: 20)!

    /// Learning rates from 0.001 to 100.
    public static let learningRates: [Double] = [
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100,
    ]

    /// The next rung above `value` (or the top), so a rate given with `--lr 0.3` moves onto the ladder.
    public static func higherLearningRate(than value: Double) -> Double {
        learningRates.first { $0 > value * (1 + 1e-9) } ?? max(value, learningRates.last!)
    }

    /// The next rung below `value` (or the bottom).
    public static func lowerLearningRate(than value: Double) -> Double {
        learningRates.last { $0 < value * (1 - 1e-9) } ?? min(value, learningRates.first!)
    }
}
