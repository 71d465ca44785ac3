/// A run as it is being trained: the run (setup and events), its newest state, checkpoints for
/// going back, and the whole-run loss summary. Any state 0…latest.step comes back exactly from
/// a checkpoint plus a replay of at most `checkpoints.spacing` steps.
public struct RunHistory: Sendable {
    public private(set) var run: Run
    /// The newest state of the run.
    public private(set) var latest: Trainer
    public private(set) var checkpoints: Checkpoints
    /// The loss of states 0…latest.step−1 (the newest state's loss is `latest.loss()`).
    public private(set) var summary: LossSummary
    /// The first state whose loss is infinite or NaN, once training reached one.
    public private(set) var firstNonFiniteStep: Int?

    public init(setup: RunSetup, checkpointSpacing: Int = Checkpoints.defaultSpacing,
                checkpointCapacity: Int = Checkpoints.defaultCapacity,
                summaryCapacity: Int = LossSummary.defaultCapacity) throws(EngineError) {
        run = Run(setup: setup)
        latest = try setup.makeTrainer()
        checkpoints = Checkpoints(initial: latest, spacing: checkpointSpacing, capacity: checkpointCapacity)
        summary = LossSummary(capacity: summaryCapacity)
        noteIfNonFinite(latest)
    }

    /// A run whose state 0 is `initial` (a trainer that has not stepped); its setup is read from it.
    public init(startingFrom initial: Trainer) {
        precondition(initial.step == 0, "a run starts at state 0")
        run = Run(setup: RunSetup(of: initial))
        latest = initial
        checkpoints = Checkpoints(initial: initial)
        summary = LossSummary()
        noteIfNonFinite(latest)
    }

    /// The newest step.
    public var end: Int { latest.step }

    /// State `step` (clamped to 0…end), exactly as training reached it.
    public func state(at step: Int) -> Trainer {
        let target = min(max(0, step), end)
        if target == end { return latest }
        var trainer = checkpoints.latest(atOrBefore: target)
        run.replay(&trainer, to: target)
        return trainer
    }

    /// Trains on from the newest state to `target`, feeding the summary and the checkpoints.
    public mutating func extend(to target: Int) {
        while latest.step < target {
            if summary.roomInBucket == 0 { summary.openBucket(parameters: latest.parameters) }
            let start = latest.step
            var next = min(target, start + summary.roomInBucket, checkpoints.nextStep(after: start))
            if let event = run.nextEventStep(after: start) { next = min(next, event) }
            // A batch stays inside one bucket, so the loop keeps a few scalars and the bucket is
            // written once per batch.
            var first = Double.nan, last = Double.nan, low = Double.infinity, high = -Double.infinity
            var nonFinite = -1
            latest.advance(by: next - start) { step, loss in
                if step == start { first = loss }
                last = loss
                if loss.isFinite {
                    low = min(low, loss)
                    high = max(high, loss)
                } else if nonFinite < 0 {
                    nonFinite = step
                }
            }
            summary.add(count: next - start, first: first, last: last, low: low.isFinite ? low : nil,
                        high: high.isFinite ? high : nil, hasNonFinite: nonFinite >= 0)
            if firstNonFiniteStep == nil, nonFinite >= 0 { firstNonFiniteStep = nonFinite }
            for event in run.events(at: latest.step) { event.apply(to: &latest) }
            checkpoints.add(latest)
        }
        noteIfNonFinite(latest)
    }

    /// Forgets everything after state `step` (its events, checkpoints and losses): the run ends there.
    public mutating func discard(after step: Int) {
        guard step < end else { return }
        let step = max(0, step)
        run.discardEvents(after: step)
        checkpoints.removeAll(from: step + 1, initial: latest)
        if let first = firstNonFiniteStep, first > step { firstNonFiniteStep = nil }
        let resumeAt = summary.truncate(to: step)
        latest = checkpoints.latest(atOrBefore: resumeAt)
        run.replay(&latest, to: resumeAt)
        extend(to: step)
    }

    /// Logs `change` at the newest state and applies it there. Discard first to change the past.
    public mutating func record(_ change: RunEvent.Change) {
        let event = RunEvent(step: end, change)
        run.append(event)
        event.apply(to: &latest)
        // A checkpoint at this step was saved before the change.
        checkpoints.removeAll(from: end, initial: latest)
        checkpoints.add(latest)
        if let first = firstNonFiniteStep, first >= end { firstNonFiniteStep = nil }
        noteIfNonFinite(latest)
    }

    private mutating func noteIfNonFinite(_ state: Trainer) {
        if firstNonFiniteStep == nil, !state.loss().isFinite { firstNonFiniteStep = state.step }
    }
}
