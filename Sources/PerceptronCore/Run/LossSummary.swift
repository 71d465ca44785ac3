/// The whole run's loss in bounded memory: states 0…count−1 in buckets of `bucketSize`
/// consecutive states, each keeping its first, last, lowest and highest loss (so a spike is never
/// lost) and the parameters at its first state. When the buckets fill `capacity`, neighbours merge
/// and the bucket size doubles: the resolution halves, the memory stays put.
public struct LossSummary: Sendable, Equatable {
    public static let defaultCapacity = 4096

    public struct Bucket: Sendable, Equatable {
        /// The loss of the bucket's first and last state.
        public var first: Double
        public var last: Double
        /// The extremes of its finite losses (nil when it has none).
        public var low: Double?
        public var high: Double?
        /// Whether any loss in it is not finite (inf or NaN).
        public var hasNonFinite: Bool
        /// The parameters of its first state.
        public var parameters: [Double]

        mutating func add(_ loss: Double) {
            last = loss
            if loss.isFinite {
                low = Swift.min(low ?? loss, loss)
                high = Swift.max(high ?? loss, loss)
            } else {
                hasNonFinite = true
            }
        }

        func merged(with next: Bucket) -> Bucket {
            var result = self
            result.last = next.last
            result.low = [low, next.low].compactMap { $0 }.min()
            result.high = [high, next.high].compactMap { $0 }.max()
            result.hasNonFinite = hasNonFinite || next.hasNonFinite
            return result
        }
    }

    public let capacity: Int
    public private(set) var bucketSize = 1
    public private(set) var buckets: [Bucket] = []
    /// How many states are summarised (0…count−1).
    public private(set) var count = 0

    public init(capacity: Int = LossSummary.defaultCapacity) {
        precondition(capacity >= 2 && capacity % 2 == 0, "an even capacity of at least 2")
        self.capacity = capacity
    }

    /// How many more states the current bucket takes before a new one must be opened.
    public var roomInBucket: Int { buckets.count * bucketSize - count }

    /// Opens the bucket for state `count` if the last one is full; `parameters` are that state's.
    /// Call before adding a state whenever `roomInBucket` is 0.
    public mutating func openBucket(parameters: [Double]) {
        guard roomInBucket == 0 else { return }
        if buckets.count == capacity { mergeNeighbours() }
        buckets.append(Bucket(first: .nan, last: .nan, low: nil, high: nil, hasNonFinite: false, parameters: parameters))
    }

    /// Adds the loss of state `count`, into the open bucket.
    public mutating func add(_ loss: Double) {
        precondition(buckets.count * bucketSize > count, "open a bucket first")
        if count % bucketSize == 0 { buckets[buckets.count - 1].first = loss }
        buckets[buckets.count - 1].add(loss)
        count += 1
    }

    /// Adds `count` consecutive states at once, all in the open bucket (count ≤ roomInBucket), from
    /// their first and last loss and the extremes of the finite ones: what a batch of steps reports.
    public mutating func add(count: Int, first: Double, last: Double, low: Double?, high: Double?, hasNonFinite: Bool) {
        guard count > 0 else { return }
        precondition(count <= roomInBucket, "open a bucket first; a batch stays inside one bucket")
        var bucket = buckets[buckets.count - 1]
        if self.count % bucketSize == 0 { bucket.first = first }
        bucket.last = last
        if let low { bucket.low = Swift.min(bucket.low ?? low, low) }
        if let high { bucket.high = Swift.max(bucket.high ?? high, high) }
        bucket.hasNonFinite = bucket.hasNonFinite || hasNonFinite
        buckets[buckets.count - 1] = bucket
        self.count += count
    }

    /// Keeps the whole buckets before state `step`; returns the new count (≤ step): the caller
    /// adds the states from there to `step` again.
    @discardableResult
    public mutating func truncate(to step: Int) -> Int {
        guard step < count else { return count }
        let kept = step / bucketSize
        buckets.removeLast(buckets.count - kept)
        count = kept * bucketSize
        return count
    }

    private mutating func mergeNeighbours() {
        buckets = stride(from: 0, to: buckets.count, by: 2).map { i in
            i + 1 < buckets.count ? buckets[i].merged(with: buckets[i + 1]) : buckets[i]
        }
        bucketSize *= 2
    }

    /// The summary over `columns` equal slices of states 0…end−1 (end ≤ count), merged from the
    /// buckets each slice touches: for a plot `columns` samples wide. A slice narrower than a
    /// bucket repeats that bucket.
    public func columns(_ columns: Int, through end: Int) -> [Bucket] {
        let end = Swift.min(end, count)
        guard columns > 0, end > 0, !buckets.isEmpty else { return [] }
        let slices = Swift.min(columns, end)
        return (0..<slices).map { c in
            let from = c * end / slices, to = Swift.max(from + 1, (c + 1) * end / slices)
            let first = from / bucketSize, last = Swift.min((to - 1) / bucketSize, buckets.count - 1)
            var bucket = buckets[first]
            if last > first { for b in buckets[(first + 1)...last] { bucket = bucket.merged(with: b) } }
            return bucket
        }
    }
}
