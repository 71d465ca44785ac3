/// A one-line question at the bottom of the screen; while one is open, keys edit it.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `g`: a step to go to.
        case goTo
        /// `e`: a new value for parameter `index`.
        case edit(index: Int)
    }

    public var kind: Kind
    public var text = ""

    public init(_ kind: Kind) { self.kind = kind }

    /// The characters a prompt accepts as typed text.
    static func accepts(_ c: Character, for kind: Kind) -> Bool {
        switch kind {
        case .goTo: return c.isASCII && (c.isNumber || "kKmMgG.,_".contains(c))
        case .edit: return c.isASCII && (c.isNumber || "+-.eE".contains(c))
        }
    }

    /// A step written as digits with an optional k (thousand), M (million) or G (billion) suffix:
    /// "1000", "10k", "2.5M". Nil for anything else or a result that is not a whole number.
    public static func parseStep(_ text: String) -> Int? {
        var digits = text.filter { $0 != "," && $0 != "_" }
        var scale = 1.0
        if let last = digits.last, let factor = ["k": 1e3, "K": 1e3, "M": 1e6, "m": 1e6, "G": 1e9, "g": 1e9][last] {
            scale = factor
            digits.removeLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits) else { return nil }
        let step = value * scale
        guard step.isFinite, step >= 0, step < 1e15, step == step.rounded() else { return nil }
        return Int(step)
    }
}
