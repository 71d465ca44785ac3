/// The arithmetic of one step, in NumPy's exact evaluation order. Shared by the training loop and
/// `StepTrace` so both give the same bits.
enum Math {
    /// σ(x) = 1/(1+e^(−x)), evaluated exactly as the notebook writes it (another algebraic form
    /// changes the last digit). e^(−x) may overflow to +inf; σ is then 0, never a crash.
    @inline(__always)
    static func sigmoid<K: ExpLogKernel>(_ x: Double, _: K.Type) -> Double { 1 / (1 + K.exp(-x)) }

    /// One sample's y·log A + (1−y)·log(1−A), literally: 0·(−inf) gives NaN, as in NumPy.
    @inline(__always)
    static func crossEntropyTerm<K: ExpLogKernel>(target y: Double, prediction a: Double, _: K.Type) -> Double {
        y * K.log(a) + (1 - y) * K.log(1 - a)
    }

    /// A row of X times W, summed left to right (NumPy's X·W).
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ n: Int) -> Double {
        var s = x[0] * w[0]
        var j = 1
        while j < n { s += x[j] * w[j]; j &+= 1 }
        return s
    }

    /// Column j of X (row-major m×n) times the vector d: (Xᵀ·d)[j]. OpenBLAS sums four samples
    /// pairwise, (x₁d₁ + x₂d₂) + (x₃d₃ + x₄d₄); other counts are summed left to right.
    @inline(__always)
    static func columnDot(_ x: UnsafePointer<Double>, _ j: Int, _ n: Int, _ d: UnsafePointer<Double>, _ m: Int) -> Double {
        if m == 4 {
            return (x[j] * d[0] + x[n &+ j] * d[1]) + (x[2 &* n &+ j] * d[2] + x[3 &* n &+ j] * d[3])
        }
        var s = x[j] * d[0]
        var i = 1
        while i < m { s += x[i &* n &+ j] * d[i]; i &+= 1 }
        return s
    }

    /// Σ v, left to right, as `np.sum` does for fewer than eight values.
    @inline(__always)
    static func sum(_ v: UnsafePointer<Double>, _ count: Int) -> Double {
        var s = v[0]
        var i = 1
        while i < count { s += v[i]; i &+= 1 }
        return s
    }
}
