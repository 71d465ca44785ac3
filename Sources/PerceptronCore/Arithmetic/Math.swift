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

    /// Column j of X (row-major m×n, n < 4) times the vector d: (Xᵀ·d)[j], in the order of
    /// OpenBLAS's dgemv_n for fewer than four columns: pairs of products, two pairs per group of
    /// four samples, ((x₁d₁ + x₂d₂) + (x₃d₃ + x₄d₄)) + …, then the leftover samples one by one.
    @inline(__always)
    static func columnDot(_ x: UnsafePointer<Double>, _ j: Int, _ n: Int, _ d: UnsafePointer<Double>, _ m: Int) -> Double {
        if m == 4 {
            return (x[j] * d[0] + x[n &+ j] * d[1]) + (x[2 &* n &+ j] * d[2] + x[3 &* n &+ j] * d[3])
        }
        var s = 0.0
        var i = 0
        while i < m & ~3 {
            s = s + (x[i &* n &+ j] * d[i] + x[(i &+ 1) &* n &+ j] * d[i &+ 1])
            s = s + (x[(i &+ 2) &* n &+ j] * d[i &+ 2] + x[(i &+ 3) &* n &+ j] * d[i &+ 3])
            i &+= 4
        }
        while i < m { s = s + x[i &* n &+ j] * d[i]; i &+= 1 }
        return s
    }

    /// Σ v in `np.sum`'s order: left to right below eight values, pairwise from eight on.
    @inline(__always)
    static func sum(_ v: UnsafePointer<Double>, _ count: Int) -> Double {
        if count >= 8 { return pairwiseSum(v, count) }
        var s = v[0]
        var i = 1
        while i < count { s += v[i]; i &+= 1 }
        return s
    }

    /// NumPy's pairwise summation for eight values or more: eight running sums combined as a
    /// tree, then the leftovers; above 128 values, the two halves (split at a multiple of 8) apart.
    static func pairwiseSum(_ v: UnsafePointer<Double>, _ count: Int) -> Double {
        if count < 8 {
            var s = -0.0
            for i in 0..<count { s += v[i] }
            return s
        }
        if count <= 128 {
            var r = (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])
            var i = 8
            while i < count - count % 8 {
                r.0 += v[i]; r.1 += v[i + 1]; r.2 += v[i + 2]; r.3 += v[i + 3]
                r.4 += v[i + 4]; r.5 += v[i + 5]; r.6 += v[i + 6]; r.7 += v[i + 7]
                i += 8
            }
            var s = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
            while i < count { s += v[i]; i += 1 }
            return s
        }
        var half = count / 2
        half -= half % 8
        return pairwiseSum(v, half) + pairwiseSum(v + half, count - half)
    }
}

/// How a loss turns predictions into gradients. The loops are generic over it, so each loss gets
/// its own specialised loop. Each rule is evaluated in the order its source writes it: the
/// notebook's for cross-entropy, Trask's for squared error.
protocol LossRule {
    /// dL/dz of the output unit for one sample.
    static func outputDelta(prediction a: Double, target y: Double) -> Double
    /// One sample's term of the loss.
    static func term<K: ExpLogKernel>(target y: Double, prediction a: Double, _: K.Type) -> Double
    /// The loss from the m terms.
    static func total(_ terms: UnsafePointer<Double>, _ m: Int) -> Double
    /// A gradient from its sum over the samples.
    static func scale(_ sum: Double, invM: Double) -> Double
    /// dL/dz of a hidden unit from dL/dA (`back`) and its activation.
    static func hiddenDelta(_ back: Double, activation a: Double) -> Double
}

/// The notebook's cross-entropy: dz = A − y, means over the samples.
enum CrossEntropyRule: LossRule {
    @inline(__always)
    static func outputDelta(prediction a: Double, target y: Double) -> Double { a - y }
    @inline(__always)
    static func term<K: ExpLogKernel>(target y: Double, prediction a: Double, _: K.Type) -> Double {
        Math.crossEntropyTerm(target: y, prediction: a, K.self)
    }
    /// −1/m first, as NumPy's `-1/m * np.sum(...)` computes it.
    @inline(__always)
    static func total(_ terms: UnsafePointer<Double>, _ m: Int) -> Double { -1 / Double(m) * Math.sum(terms, m) }
    @inline(__always)
    static func scale(_ sum: Double, invM: Double) -> Double { invM * sum }
    /// `np.dot(dz2, W2.T) * A1 * (1 - A1)`, left to right.
    @inline(__always)
    static func hiddenDelta(_ back: Double, activation a: Double) -> Double { back * a * (1 - a) }
}

/// Trask's squared error ½·Σ(y − A)². He adds `(y − A)·A·(1 − A)` to the weights; its negation is
/// dL/dz exactly (rounding is symmetric), so W − α·dW gives his bits for α = 1.
enum SquaredRule: LossRule {
    /// `-(l_error * nonlin(l, deriv=True))`: (y − A)·(A·(1 − A)), negated.
    @inline(__always)
    static func outputDelta(prediction a: Double, target y: Double) -> Double { -((y - a) * (a * (1 - a))) }
    /// `(y - A)**2`.
    @inline(__always)
    static func term<K: ExpLogKernel>(target y: Double, prediction a: Double, _: K.Type) -> Double {
        (y - a) * (y - a)
    }
    /// `0.5 * np.sum((y - A)**2)`.
    @inline(__always)
    static func total(_ terms: UnsafePointer<Double>, _ m: Int) -> Double { 0.5 * Math.sum(terms, m) }
    @inline(__always)
    static func scale(_ sum: Double, invM: Double) -> Double { sum }
    /// `l1_error * nonlin(l1, deriv=True)`: the derivative first.
    @inline(__always)
    static func hiddenDelta(_ back: Double, activation a: Double) -> Double { back * (a * (1 - a)) }
}
