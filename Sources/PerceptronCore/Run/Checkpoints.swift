/// Saved states of a run, so any state is a short replay away: one every `spacing` steps
/// (state 0 always). When there would be more than `capacity`, the spacing doubles and every
/// other one goes, so memory stays bounded however long the run gets.
public struct Checkpoints: Sendable {
    /// 2¹⁵ steps replay in a millisecond or two, and 2¹⁵ checkpoints of about 350 bytes each
    /// (11 MB) reach 2³⁰ ≈ 1.07·10⁹ steps at that spacing; longer runs thin them out.
    public static let defaultSpacing = 1 << 15
    public static let defaultCapacity = 1 << 15

    public private(set) var spacing: Int
    public let capacity: Int
    /// Sorted by step; the first is state 0.
    public private(set) var states: [Trainer]

    public init(initial: Trainer, spacing: Int = Checkpoints.defaultSpacing, capacity: Int = Checkpoints.defaultCapacity) {
        precondition(spacing > 0 && capacity >= 2, "a spacing of at least 1 and room for two checkpoints")
        self.spacing = spacing
        self.capacity = capacity
        states = [initial]
    }

    public var count: Int { states.count }

    /// The next step at which `add` keeps a state.
    public func nextStep(after step: Int) -> Int { (step / spacing + 1) * spacing }

    /// Keeps `state` if it falls on the spacing and is newer than the newest checkpoint.
    public mutating func add(_ state: Trainer) {
        guard state.step % spacing == 0, state.step > (states.last?.step ?? -1) else { return }
        states.append(state)
        if states.count > capacity {
            spacing *= 2
            states.removeAll { $0.step % spacing != 0 }
        }
    }

    /// The newest checkpoint at or before `step`.
    public func latest(atOrBefore step: Int) -> Trainer {
        var low = 0, high = states.count
        while low < high {
            let mid = (low + high) / 2
            if states[mid].step <= step { low = mid + 1 } else { high = mid }
        }
        return states[max(0, low - 1)]
    }

    /// Forgets the checkpoints from `step` on (state 0 is replaced by `initial` if it goes).
    public mutating func removeAll(from step: Int, initial: @autoclosure () -> Trainer) {
        states.removeAll { $0.step >= step }
        if states.isEmpty { states = [initial()] }
    }
}
