import PerceptronCore
import TerminalUI

/// The whole run, downsampled for a plot: from the summary of states 0…end−1 plus the newest state.
struct WholeRun {
    let history: RunHistory

    /// How many samples `count` columns of the run give (fewer while the run is short).
    func sampleCount(columns: Int) -> Int { min(columns, history.end + 1) }

    /// The loss, one envelope per sample, extremes kept.
    func lossEnvelope(columns: Int) -> [LineChart.Envelope] {
        let latest = history.latest.loss()
        var result = buckets(columns: columns).map {
            LineChart.Envelope(first: $0.first, last: $0.last, low: $0.low ?? .nan, high: $0.high ?? .nan)
        }
        let newest = LineChart.Envelope(first: latest, last: latest, low: latest.isFinite ? latest : .nan,
                                        high: latest.isFinite ? latest : .nan)
        if result.count < sampleCount(columns: columns) {
            result.append(newest)
        } else if var last = result.popLast() {
            last.last = latest
            if latest.isFinite {
                last.low = last.low.isNaN ? latest : min(last.low, latest)
                last.high = last.high.isNaN ? latest : max(last.high, latest)
            }
            result.append(last)
        }
        return result
    }

    /// Parameter `index` at the first state of each sample, the newest state last.
    func parameter(_ index: Int, columns: Int) -> [Double] {
        let shown = sampleCount(columns: columns)
        let samples = buckets(columns: columns).prefix(shown - 1).map { $0.parameters[index] }
        return samples + [history.latest.parameters[index]]
    }

    /// The sample (0…sampleCount−1) a step falls in.
    func sample(of step: Int, columns: Int) -> Int {
        let shown = sampleCount(columns: columns)
        guard history.end >= shown, history.end > 0 else { return min(step, shown - 1) }
        return min(shown - 1, step * shown / history.end)
    }

    private func buckets(columns: Int) -> [LossSummary.Bucket] {
        let shown = sampleCount(columns: columns)
        // A short run: one sample per state, the newest added after. A long one: the states
        // 0…end−1 spread over all the columns, the newest folded into the last.
        return history.end + 1 <= columns
            ? history.summary.columns(history.end, through: history.end)
            : history.summary.columns(shown, through: history.end)
    }
}
