/// The axis along which `Rect.split` divides a rectangle.
public enum Direction: Hashable, Sendable {
    /// Side by side: the parts share the rectangle's height and divide its width.
    case horizontal
    /// Stacked: the parts share the rectangle's width and divide its height.
    case vertical
}

/// How much of a rectangle one part of a split asks for (ratatui-style).
///
/// Sizes are first taken as asked (`length`, `percentage`, `ratio`, `min`; `fill` asks for nothing),
/// then any space left over goes to the `fill` parts by weight, or, when there are none, is shared
/// by the `min` parts, or, when there are none either, goes to the last part. When the asks add up to
/// more than there is, every part shrinks in proportion. The parts always cover the rectangle exactly.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (negative counts as 0).
    case length(Int)
    /// This percentage of the whole, rounded down (clamped to 0…100).
    case percentage(Int)
    /// `numerator / denominator` of the whole, rounded down (a zero denominator asks for nothing).
    case ratio(Int, Int)
    /// At least this many cells; grows to share the leftover space when there is no `fill`.
    case min(Int)
    /// Takes a share of the leftover space proportional to its weight (negative counts as 0;
    /// when every fill weighs 0 they share equally).
    case fill(Int)
}

extension Rect {
    /// Splits the rectangle along `direction` into one part per constraint, in order.
    ///
    /// The parts are contiguous, never negative, and together with `spacing` cells between
    /// neighbours cover the rectangle exactly. Spacing shrinks when the rectangle is too small for it.
    public func split(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = direction == .horizontal ? width : height
        let gaps = constraints.count - 1
        var gap = max(0, spacing)
        if gaps > 0, gap > total / gaps { gap = total / gaps }
        let sizes = Layout.sizes(for: constraints, total: total - gap * gaps)
        var parts: [Rect] = []
        parts.reserveCapacity(sizes.count)
        var offset = direction == .horizontal ? x : y
        for size in sizes {
            switch direction {
            case .horizontal: parts.append(Rect(x: offset, y: y, width: size, height: height))
            case .vertical: parts.append(Rect(x: x, y: offset, width: width, height: size))
            }
            offset += size + gap
        }
        return parts
    }

    /// A rectangle of at most `width` × `height` centred in this one (clipped to it).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = Swift.min(Swift.max(0, w), width), ch = Swift.min(Swift.max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The rectangle shrunk by `horizontal` cells on the left and right and `vertical` cells on
    /// the top and bottom (never negative).
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }
}

/// The arithmetic behind `Rect.split`, kept apart so it can be reasoned about on plain integers.
enum Layout {
    /// Sizes for `constraints` that add up to exactly `max(0, total)`.
    static func sizes(for constraints: [Constraint], total rawTotal: Int) -> [Int] {
        let total = max(0, rawTotal)
        // What each part asks for; large asks are capped so sums cannot overflow.
        let cap = 1 << 40
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let n), .min(let n): return min(max(0, n), cap)
            case .percentage(let p): return total * min(max(0, p), 100) / 100
            case .ratio(let num, let den):
                guard den > 0, num > 0 else { return 0 }
                return Int(Double(total) * min(Double(num) / Double(den), 1))
            case .fill: return 0
            }
        }
        let asked = sizes.reduce(0, +)
        if asked > total {
            return apportion(total, weights: sizes)
        }
        let leftover = total - asked
        guard leftover > 0 else { return sizes }
        let fills = constraints.indices.filter { if case .fill = constraints[$0] { return true } else { return false } }
        let mins = constraints.indices.filter { if case .min = constraints[$0] { return true } else { return false } }
        if !fills.isEmpty {
            var weights = fills.map { index -> Int in
                if case .fill(let w) = constraints[index] { return min(max(0, w), cap) }
                return 0
            }
            if weights.allSatisfy({ $0 == 0 }) { weights = weights.map { _ in 1 } }
            for (index, extra) in zip(fills, apportion(leftover, weights: weights)) { sizes[index] += extra }
        } else if !mins.isEmpty {
            for (index, extra) in zip(mins, apportion(leftover, weights: mins.map { _ in 1 })) { sizes[index] += extra }
        } else {
            sizes[sizes.count - 1] += leftover
        }
        return sizes
    }

    /// Divides `amount` in proportion to `weights` (largest remainder; ties go to the earlier part).
    /// The result adds up to exactly `amount` unless every weight is 0, when it is all zeros.
    static func apportion(_ amount: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, amount > 0 else { return weights.map { _ in 0 } }
        var shares = weights.map { Int(Double(amount) * Double($0) / Double(sum)) }
        // Guard against floating-point overshoot before handing out the remainder.
        while shares.reduce(0, +) > amount, let i = shares.indices.max(by: { shares[$0] < shares[$1] }) {
            shares[i] -= 1
        }
        var remaining = amount - shares.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            let ra = Double(amount) * Double(weights[a]) / Double(sum) - Double(shares[a])
            let rb = Double(amount) * Double(weights[b]) / Double(sum) - Double(shares[b])
            return ra != rb ? ra > rb : a < b
        }
        var k = 0
        while remaining > 0 {
            let i = order[k % order.count]
            if weights[i] > 0 { shares[i] += 1; remaining -= 1 }
            k += 1
        }
        return shares
    }
}
