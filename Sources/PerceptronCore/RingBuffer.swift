/// A fixed-capacity history that keeps the most recent values: bounded memory however long a run goes.
public struct RingBuffer<Element: Sendable>: Sendable {
    public let capacity: Int
    private var storage: [Element] = []
    private var start = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "a ring buffer holds at least one value")
        self.capacity = capacity
        storage.reserveCapacity(capacity)
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// Adds a value, dropping the oldest when full.
    public mutating func append(_ value: Element) {
        if storage.count < capacity {
            storage.append(value)
        } else {
            storage[start] = value
            start = (start + 1) % capacity
        }
    }

    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        start = 0
    }

    /// The values, oldest first.
    public var elements: [Element] { Array(storage[start...] + storage[..<start]) }

    /// The newest value.
    public var last: Element? { storage.isEmpty ? nil : storage[(start + storage.count - 1) % storage.count] }
}
