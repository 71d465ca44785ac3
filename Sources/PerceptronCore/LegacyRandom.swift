/// NumPy's legacy `RandomState` generator (MT19937), reproduced bit for bit so that a seed gives
/// exactly the weights `np.random.seed(s); np.random.random(...)` gives in the notebook.
public struct LegacyRandom: Sendable {
    private static let stateSize = 624
    private static let shift = 397

    private var key: [UInt32]
    private var position: Int

    /// Seeds the generator as `np.random.seed(seed)` does for an integer seed.
    public init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: Self.stateSize)
        key[0] = seed
        for i in 1..<Self.stateSize {
            key[i] = 1_812_433_253 &* (key[i - 1] ^ (key[i - 1] >> 30)) &+ UInt32(i)
        }
        self.key = key
        position = Self.stateSize
    }

    /// Seeds from any integer, refusing what NumPy refuses (negative or above 2³²−1).
    public init(checkedSeed seed: Int64) throws(EngineError) {
        guard let value = UInt32(exactly: seed) else { throw .seedOutOfRange(String(seed)) }
        self.init(seed: value)
    }

    /// The next tempered 32-bit output (`genrand_int32`).
    public mutating func nextUInt32() -> UInt32 {
        if position >= Self.stateSize { twist() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// A double in [0, 1) with 53 random bits, as `np.random.random()` makes it.
    public mutating func nextDouble() -> Double {
        let a = nextUInt32() >> 5, b = nextUInt32() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) / 9_007_199_254_740_992.0
    }

    /// `2 * np.random.random(count) - 1`: uniform weights in [−1, 1), in row-major order.
    public mutating func uniformWeights(count: Int) -> [Double] {
        (0..<count).map { _ in 2 * nextDouble() - 1 }
    }

    private mutating func twist() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7fff_ffff
        for i in 0..<Self.stateSize {
            let y = (key[i] & upper) | (key[(i + 1) % Self.stateSize] & lower)
            var next = key[(i + Self.shift) % Self.stateSize] ^ (y >> 1)
            if y & 1 != 0 { next ^= 0x9908_b0df }
            key[i] = next
        }
        position = 0
    }
}
