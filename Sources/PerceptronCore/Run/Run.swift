/// What a run starts from: the data, the seed of the initial weights, α, the model, the exp/log
/// kernel, and the matrix kernels' summation orders and thread count.
public struct RunSetup: Sendable, Equatable {
    public var dataset: Dataset
    public var seed: UInt32
    public var learningRate: Double
    public var model: ModelSpec
    public var arithmetic: Arithmetic
    public var kernels: MatrixKernels
    public var blasThreads: Int

    public init(dataset: Dataset, seed: UInt32 = 1, learningRate: Double = 1, model: ModelSpec = .perceptron,
                arithmetic: Arithmetic = .svml, kernels: MatrixKernels = .native, blasThreads: Int = BLASThreads.native) {
        self.dataset = dataset
        self.seed = seed
        self.learningRate = learningRate
        self.model = model
        self.arithmetic = arithmetic
        self.kernels = kernels
        self.blasThreads = blasThreads
    }

    /// The setup a trainer at state 0 was made from.
    public init(of trainer: Trainer) {
        self.init(dataset: trainer.dataset, seed: trainer.seed, learningRate: trainer.learningRate,
                  model: trainer.model, arithmetic: trainer.arithmetic, kernels: trainer.kernels,
                  blasThreads: trainer.blasThreads)
    }

    /// State 0, before any event. Throws when α is not finite and positive or the model does not fit.
    public func makeTrainer() throws(EngineError) -> Trainer {
        try Trainer(dataset: dataset, seed: seed, learningRate: learningRate, model: model, arithmetic: arithmetic,
                    kernels: kernels, blasThreads: blasThreads)
    }
}

/// Something a person did to a run at a step: it applies to state `step` before the step from it.
public struct RunEvent: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        /// The steps from `step` on use α.
        case learningRate(Double)
        /// Parameter `index` (into `Trainer.parameters`) set by hand to `value`.
        case parameter(index: Int, value: Double)
    }

    public var step: Int
    public var change: Change

    public init(step: Int, _ change: Change) {
        self.step = step
        self.change = change
    }

    /// Applies the change to a trainer at `step`.
    public func apply(to trainer: inout Trainer) {
        switch change {
        case .learningRate(let alpha): try? trainer.setLearningRate(alpha)
        case .parameter(let index, let value):
            if trainer.parameters.indices.contains(index) { trainer.setParameter(index, to: value) }
        }
    }
}

/// A run as data: its setup plus the event log, in the order things happened (steps never
/// decrease). Every state of the run is a pure function of this value.
public struct Run: Sendable, Equatable {
    public let setup: RunSetup
    public private(set) var events: [RunEvent] = []

    public init(setup: RunSetup) { self.setup = setup }

    /// Logs an event; one at a step before the last event's is refused (discard the later part first).
    public mutating func append(_ event: RunEvent) {
        precondition(event.step >= (events.last?.step ?? 0), "events are logged in step order")
        // A second change of the same thing at the same step replaces the first: holding ] does
        // not grow the log.
        if let last = events.last, last.step == event.step, last.change.sameTarget(as: event.change) {
            events[events.count - 1] = event
        } else {
            events.append(event)
        }
    }

    /// Forgets the events after `step` (those at `step` stay).
    public mutating func discardEvents(after step: Int) {
        events.removeAll { $0.step > step }
    }

    /// State 0: the setup's trainer with the events at step 0 applied.
    public func initialState() throws(EngineError) -> Trainer {
        var trainer = try setup.makeTrainer()
        for event in events where event.step == 0 { event.apply(to: &trainer) }
        return trainer
    }

    /// Moves `trainer`, which holds state s of this run, to state `target` ≥ s, applying the
    /// events after s up to and including `target`.
    public func replay(_ trainer: inout Trainer, to target: Int) {
        var index = firstEvent(after: trainer.step)
        while trainer.step < target {
            let next = index < events.count ? min(events[index].step, target) : target
            trainer.advance(by: next - trainer.step)
            while index < events.count, events[index].step == trainer.step {
                events[index].apply(to: &trainer)
                index += 1
            }
        }
    }

    /// Hands `body` state 0, every `every`-th state and state `last`, in order: one replay, nothing
    /// kept. `body` returns false to stop early.
    public func forEachState(through last: Int, every: Int, _ body: (Trainer) -> Bool) throws(EngineError) {
        precondition(every > 0, "every state or every k-th, k ≥ 1")
        var trainer = try initialState()
        guard body(trainer) else { return }
        while trainer.step < last {
            replay(&trainer, to: min(last, (trainer.step / every + 1) * every))
            guard body(trainer) else { return }
        }
    }

    /// The step of the first event after `step`, if any.
    public func nextEventStep(after step: Int) -> Int? {
        let index = firstEvent(after: step)
        return index < events.count ? events[index].step : nil
    }

    /// The index of the first event whose step is greater than `step` (binary search).
    func firstEvent(after step: Int) -> Int {
        var low = 0, high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].step <= step { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The events logged at exactly `step`.
    func events(at step: Int) -> ArraySlice<RunEvent> {
        let end = firstEvent(after: step)
        var start = end
        while start > 0, events[start - 1].step == step { start -= 1 }
        return events[start..<end]
    }
}

extension RunEvent.Change {
    func sameTarget(as other: Self) -> Bool {
        switch (self, other) {
        case (.learningRate, .learningRate): return true
        case (.parameter(let a, _), .parameter(let b, _)): return a == b
        default: return false
        }
    }
}
